package com.novabilling.command.wallet;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.wallet.ConsumeWalletCreditsCommand;
import com.novabilling.billing.invoice.BalanceDraw;
import com.novabilling.billing.invoice.WalletFunds;
import com.novabilling.command.invoice.InvoiceWallets;
import com.novabilling.command.reference.UnitOfWorkMemo;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wallets paying invoices at finalization (docs/billing-rules.md §13.2 step 5, §15). The customer's lock is taken
 * before the balances are read and held until the finalizing transaction ends, so a concurrent finalization reads
 * the balances this one leaves. Within one unit of work (a billing run's batch finalizes many invoices) the lookup
 * table shows the balances only at its commit, so what earlier invoices of the unit of work spent is taken off here.
 * The {@link Wallet} itself refuses to spend more than its settled balance: the lock only spares conflicts.
 */
@Component
public class WalletSpending implements InvoiceWallets {

    private final WalletLookupTable wallets;
    private final CommandGateway commands;

    public WalletSpending(WalletLookupTable wallets, CommandGateway commands) {
        this.wallets = wallets;
        this.commands = commands;
    }

    @Override
    public List<WalletFunds> fundsFor(String invoiceId, String customerId, CurrencyCode currency, Instant at) {
        // most customers have no wallet: one read, no lock (a wallet created meanwhile has nothing spent from it)
        if (wallets.spendable(customerId, currency, at).isEmpty()
                || wallets.purchaseOf(invoiceId).isPresent()) { // a credit-purchase invoice is never paid by a wallet
            return List.of();
        }
        wallets.lockCustomer(customerId);
        Map<String, Money> spent = spentInThisUnitOfWork();
        return wallets.spendable(customerId, currency, at).stream() // read again, under the lock
                .map(funds -> {
                    Money earlier = spent.get(funds.walletId());
                    if (earlier == null) {
                        return funds;
                    }
                    return new WalletFunds(funds.walletId(), funds.spendable().compareTo(earlier) > 0
                            ? funds.spendable().minus(earlier) : Money.zero(currency));
                })
                .filter(funds -> !funds.spendable().isZero())
                .toList();
    }

    @Override
    public void spend(String invoiceId, List<BalanceDraw> draws) {
        Map<String, Money> spent = spentInThisUnitOfWork();
        for (BalanceDraw draw : draws) {
            commands.sendAndWait(new ConsumeWalletCreditsCommand(draw.sourceId(), invoiceId, draw.consumed()));
            spent.merge(draw.sourceId(), draw.consumed(), Money::plus);
        }
    }

    private static Map<String, Money> spentInThisUnitOfWork() {
        return UnitOfWorkMemo.remember("wallet-spent", HashMap::new);
    }
}
