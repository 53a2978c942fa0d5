package com.novabilling.command.wallet;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.invoice.CreateInvoiceCommand;
import com.novabilling.api.invoice.InvoicePaidEvent;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.api.invoice.VoidInvoiceCommand;
import com.novabilling.api.wallet.FailWalletPurchaseCommand;
import com.novabilling.api.wallet.SettleWalletPurchaseCommand;
import com.novabilling.api.wallet.WalletCredits;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionFailedEvent;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.billing.invoice.ComputedInvoice;
import com.novabilling.billing.invoice.OneOffInvoice;
import com.novabilling.billing.invoice.OneOffInvoiceFacts;
import com.novabilling.billing.invoice.OneOffItem;
import com.novabilling.billing.invoice.TaxRate;
import com.novabilling.command.reference.StoredAggregates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The credit-purchase invoice of every PURCHASED wallet transaction (docs/billing-rules.md §15): one line for the
 * credits bought, no tax, no coupons, finalized at once, never paid from a wallet; its id derives from the transaction
 * ({@link WalletIds#purchaseInvoiceId}), so a redelivered event finds it created. When it is paid the purchase settles
 * (a no-op when it settled at once, the default); when it is voided a pending purchase fails; when the purchase fails
 * first (the wallet ended while it was pending) the invoice is voided. Runs after the commit in its own streaming
 * group and never replays: the invoices' and wallets' own events are the record.
 */
@Component
@ProcessingGroup(WalletPurchaseInvoices.PROCESSING_GROUP)
@DisallowReplay
public class WalletPurchaseInvoices {

    public static final String PROCESSING_GROUP = "wallet-purchase-invoices";

    private static final Logger log = LoggerFactory.getLogger(WalletPurchaseInvoices.class);

    private final WalletLookupTable wallets;
    private final CommandGateway commands;
    private final StoredAggregates storedAggregates;

    public WalletPurchaseInvoices(WalletLookupTable wallets,
                                  CommandGateway commands,
                                  StoredAggregates storedAggregates) {
        this.wallets = wallets;
        this.commands = commands;
        this.storedAggregates = storedAggregates;
    }

    @EventHandler
    public void on(WalletTransactionCreatedEvent event) {
        if (event.type() != WalletTransactionType.PURCHASED || storedAggregates.exists(event.invoiceId())) {
            return;
        }
        String credits = WalletCredits.normalize(event.credits()).toPlainString();
        ComputedInvoice invoice = OneOffInvoice.compute(new OneOffInvoiceFacts(event.amount().currency(),
                List.of(new OneOffItem("Prepaid credits: " + credits + " credits", BigDecimal.ONE, event.amount())),
                TaxRate.exempt(), List.of(), List.of()));
        try {
            commands.sendAndWait(new CreateInvoiceCommand(event.invoiceId(), event.customerId(), null,
                    invoice.currency(), null, null, null, null,
                    Map.of("walletId", event.walletId(), "walletTransactionId", event.transactionId()),
                    invoice.lines(), invoice.totals(), null, null, true));
        } catch (ConcurrencyException createdMeanwhile) {
            if (!storedAggregates.exists(event.invoiceId())) {
                throw createdMeanwhile;
            }
        }
    }

    @EventHandler
    public void on(InvoicePaidEvent event) {
        wallets.purchaseOf(event.invoiceId()).ifPresent(purchase -> {
            try {
                commands.sendAndWait(new SettleWalletPurchaseCommand(purchase.walletId(), purchase.transactionId()));
            } catch (ConflictException failed) {
                log.error("credit-purchase invoice {} was paid but purchase {} of wallet {} cannot settle: {}",
                        event.invoiceId(), purchase.transactionId(), purchase.walletId(), failed.getMessage());
            }
        });
    }

    @EventHandler
    public void on(InvoiceVoidedEvent event) {
        wallets.purchaseOf(event.invoiceId()).ifPresent(purchase -> {
            try {
                commands.sendAndWait(new FailWalletPurchaseCommand(purchase.walletId(), purchase.transactionId()));
            } catch (ConflictException settled) {
                // settled at once (the default): the credit stays; the tenant voids credits if it must
                log.warn("credit-purchase invoice {} was voided but purchase {} of wallet {} had settled: {}",
                        event.invoiceId(), purchase.transactionId(), purchase.walletId(), settled.getMessage());
            }
        });
    }

    @EventHandler
    public void on(WalletTransactionFailedEvent event) {
        if (event.invoiceId() == null || !storedAggregates.exists(event.invoiceId())) {
            return;
        }
        try {
            commands.sendAndWait(new VoidInvoiceCommand(event.invoiceId()));
        } catch (ConflictException paidOrVoided) {
            // voided already (it is what failed the purchase), or paid meanwhile
        }
    }
}
