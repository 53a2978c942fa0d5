package com.novabilling.command.billing;

import com.novabilling.api.creditnote.CreateCreditNoteCommand;
import com.novabilling.api.creditnote.CreditNoteItem;
import com.novabilling.api.creditnote.CreditNoteReason;
import com.novabilling.api.creditnote.CreditNoteType;
import com.novabilling.api.creditnote.FinalizeCreditNoteCommand;
import com.novabilling.api.error.Causes;
import com.novabilling.api.invoice.CreateInvoiceCommand;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.lateusage.LateUsageAdjustmentKind;
import com.novabilling.api.lateusage.ReRateClosedUsageWindowCommand;
import com.novabilling.api.money.Money;
import com.novabilling.billing.invoice.ComputedInvoice;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.billing.invoice.LateUsageAdjustment;
import com.novabilling.billing.invoice.TaxRate;
import com.novabilling.command.billingterms.BillingTermsLookup;
import com.novabilling.command.billingterms.TenantBillingDefaults;
import com.novabilling.command.reference.StoredAggregates;
import com.novabilling.command.subscription.SubscriptionLookup;
import com.novabilling.command.usage.SubscriptionWindow;
import com.novabilling.command.usage.UsageWindowTable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Late usage of a period whose invoice is finalized (docs/billing-rules.md §16): the window is rated again from the
 * stored events and compared, by the window's {@link ClosedUsageWindow} record, with what was billed for it (the
 * original invoice's usage and every adjustment since); the difference becomes, by the tenant's
 * {@code lateUsagePolicy}, an ADJUSTMENT waiting for the subscription's next recurring invoice
 * ({@link RecurringInvoices} bills it) or an adjustment invoice issued now, and a decrease a credit note against the
 * original invoice. The original invoice never changes.
 * <p>
 * Each window is re-rated in one transaction: its {@code billed_usage_window} row is locked first (concurrent
 * re-ratings of one window take turns), the re-rating's event and the documents it issues (derived ids: created once)
 * commit together or not at all. A refusal is logged and the events stay stored; the next late event of the window
 * re-rates it with them.
 */
@Component
public class ClosedPeriodReRating {

    private static final Logger log = LoggerFactory.getLogger(ClosedPeriodReRating.class);
    private static final int ATTEMPTS = 3;

    private final BilledUsageWindowTable windows;
    private final LateUsageAdjustmentTable adjustments;
    private final RecurringInvoices invoices;
    private final SubscriptionLookup subscriptions;
    private final BillingTermsLookup billingTerms;
    private final TenantBillingDefaults tenantDefaults;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final UsageWindowTable usageWindows;
    private final StoredAggregates storedAggregates;
    private final Clock clock;

    public ClosedPeriodReRating(BilledUsageWindowTable windows, LateUsageAdjustmentTable adjustments,
                                RecurringInvoices invoices, SubscriptionLookup subscriptions,
                                BillingTermsLookup billingTerms, TenantBillingDefaults tenantDefaults,
                                CommandGateway commands, PlatformTransactionManager transactionManager,
                                UsageWindowTable usageWindows, StoredAggregates storedAggregates, Clock clock) {
        this.windows = windows;
        this.adjustments = adjustments;
        this.invoices = invoices;
        this.subscriptions = subscriptions;
        this.billingTerms = billingTerms;
        this.tenantDefaults = tenantDefaults;
        this.commands = commands;
        this.transactions = new TransactionTemplate(transactionManager);
        this.usageWindows = usageWindows;
        this.storedAggregates = storedAggregates;
        this.clock = clock;
    }

    /** Re-rates each finalized window of the subscription that overlaps {@code [from, to)}. */
    public void reRate(String subscriptionId, Instant from, Instant to) {
        for (BilledUsageWindowTable.BilledWindow window : windows.finalizedBilling(subscriptionId, from, to)) {
            reRate(window.invoiceId());
        }
    }

    /** Re-rates the window of one finalized invoice; a repeat with nothing new records nothing. */
    public void reRate(String originalInvoiceId) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> reRateLocked(originalInvoiceId));
                return;
            } catch (RuntimeException e) {
                boolean raced = Causes.contain(e, ConcurrencyException.class)
                        || Causes.contain(e, DataIntegrityViolationException.class);
                if (raced && attempt < ATTEMPTS) {
                    continue; // another node re-rated the window meanwhile: again, against what it recorded
                }
                log.warn("late usage of the window billed by {} not re-rated: {}", originalInvoiceId, e.toString());
                return;
            }
        }
    }

    private void reRateLocked(String originalInvoiceId) {
        BilledUsageWindowTable.BilledWindow window = windows.lockFinalized(originalInvoiceId).orElse(null);
        if (window == null) {
            return;
        }
        if (window.usageBilled() == null) {
            log.warn("invoice {} was recorded before its billed usage was kept: its window is not re-rated",
                    originalInvoiceId);
            return;
        }
        String customerId = subscriptions.find(window.subscriptionId())
                .orElseThrow(() -> new IllegalStateException("subscription " + window.subscriptionId()
                        + " is not known"))
                .customerId();
        List<InvoiceLine> reRated = invoices.usageLines(window.subscriptionId(), window.currency(), window.window())
                .stream().map(FeeLine::line).toList();
        String reRatingId = LateUsageIds.reRatingOf(originalInvoiceId);
        Instant now = clock.instant();
        commands.sendAndWait(new ReRateClosedUsageWindowCommand(reRatingId, originalInvoiceId,
                window.subscriptionId(), customerId, window.currency(), window.window(), window.usageBilled(),
                window.usageRating(), reRated, tenantDefaults.lateUsagePolicy(), hasEnded(window.subscriptionId(), now),
                now));
        for (LateUsageAdjustmentTable.Adjustment adjustment : adjustments.issuedBy(reRatingId)) {
            if (storedAggregates.exists(adjustment.documentId())) {
                continue; // issued by an earlier re-rating
            }
            if (adjustment.kind() == LateUsageAdjustmentKind.CREDIT_NOTE) {
                // a credit against the original invoice gives back the tax that invoice charged
                creditDecrease(adjustment, customerId, window,
                        window.billedTax() != null ? window.billedTax() : taxToday(customerId, window));
            } else {
                invoiceIncrease(adjustment, customerId, window, taxToday(customerId, window), now);
            }
        }
    }

    /** The customer's (else the plan's, else the tenant's) tax rate now. */
    private TaxRate taxToday(String customerId, BilledUsageWindowTable.BilledWindow window) {
        return BillingTermsLookup.taxRateOf(billingTerms.termsFor(customerId, window.window().planId()));
    }

    /** An increase billed on its own: an adjustment invoice referencing the original, finalized at once. */
    private void invoiceIncrease(LateUsageAdjustmentTable.Adjustment adjustment, String customerId,
                                 BilledUsageWindowTable.BilledWindow window, TaxRate taxRate, Instant now) {
        ComputedInvoice computed = LateUsageAdjustment.adjustmentInvoice(window.currency(), adjustment.fee(), taxRate);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("lateUsageAdjustmentOf", adjustment.originalInvoiceId());
        metadata.put("lateUsageAdjustmentId", adjustment.adjustmentId());
        commands.sendAndWait(new CreateInvoiceCommand(adjustment.documentId(), customerId, window.subscriptionId(),
                window.currency(), window.window().from(), window.window().to(), null,
                "Late usage for the period of invoice " + adjustment.originalInvoiceId(), metadata,
                computed.lines(), computed.totals(), null, null, true));
    }

    /** A decrease: a finalized credit note against the original invoice, with the tax it was billed with. */
    private void creditDecrease(LateUsageAdjustmentTable.Adjustment adjustment, String customerId,
                                BilledUsageWindowTable.BilledWindow window, TaxRate taxRate) {
        Money credit = LateUsageAdjustment.creditNoteAmount(adjustment.difference(), taxRate);
        String description = LateUsageAdjustment.creditDescription(window.window().from(), window.window().to());
        commands.sendAndWait(new CreateCreditNoteCommand(adjustment.documentId(), adjustment.originalInvoiceId(),
                customerId, window.currency(), CreditNoteType.CREDIT, CreditNoteReason.OTHER, description,
                List.of(new CreditNoteItem(description, credit))));
        commands.sendAndWait(new FinalizeCreditNoteCommand(adjustment.documentId()));
    }

    /** Whether the subscription has ended by {@code now}: it has no next invoice to carry an adjustment. */
    private boolean hasEnded(String subscriptionId, Instant now) {
        return usageWindows.find(subscriptionId).map(SubscriptionWindow::canceledAt)
                .filter(canceledAt -> !canceledAt.isAfter(now)).isPresent();
    }
}
