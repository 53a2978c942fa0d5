package com.novabilling.billing.invoice;

import java.util.ArrayList;
import java.util.List;

/**
 * The recurring invoice at a boundary T (docs/billing-rules.md §13.1): the in-arrears base fee
 * and usage of the period closed at T, the in-advance base fee of the period opened at T, pending add-ons; then
 * coupons, taxes and credit as {@link InvoiceCalculator} does. Fee order: base fees (closed, then opening), usage,
 * add-ons.
 *
 * <p>The subscription's start is {@code closed = null}; a cancellation at period end is {@code opening = null}
 * (IN_ADVANCE: the last period's usage only; IN_ARREARS: its fee and usage). A downgrade applied at T is simply the
 * closed period's plan differing from the opening one's.
 */
public final class RecurringInvoice {

    private RecurringInvoice() {
    }

    public static ComputedInvoice atBoundary(RecurringInvoiceFacts facts) {
        return atBoundary(facts, List.of());
    }

    /**
     * The invoice at the boundary with pending late-usage adjustments of closed periods (docs/billing-rules.md §16):
     * ADJUSTMENT fees after the boundary's own, discounted and taxed like them (the invoice's rate, as usage).
     */
    public static ComputedInvoice atBoundary(RecurringInvoiceFacts facts, List<FeeLine> adjustments) {
        List<FeeLine> fees = new ArrayList<>(fees(facts));
        fees.addAll(adjustments);
        return InvoiceCalculator.compute(new InvoiceFacts(facts.currency(), fees, facts.coupons(),
                facts.taxRate(), facts.credits(), facts.wallets()));
    }

    /** Step 1 of the boundary invoice. */
    public static List<FeeLine> fees(RecurringInvoiceFacts facts) {
        List<FeeLine> fees = new ArrayList<>();
        RecurringInvoiceFacts.ClosedPeriod closed = facts.closed();
        RecurringInvoiceFacts.OpeningPeriod opening = facts.opening();
        if (closed != null && !closed.plan().billsInAdvance()) {
            if (closed.planShare() == null) {
                BaseFees.full(closed.plan(), closed.period()).ifPresent(fees::add);
            } else {
                BaseFees.remainingPart(closed.plan(), closed.planShare(),
                        closed.period().end().minusSeconds(closed.planShare().remainingSeconds()),
                        closed.period().end()).ifPresent(fees::add);
            }
        }
        if (opening != null && opening.plan().billsInAdvance()) {
            if (opening.share() == null) {
                BaseFees.full(opening.plan(), opening.period()).ifPresent(fees::add);
            } else {
                BaseFees.remainingPart(opening.plan(), opening.share(), opening.period().start(),
                        opening.period().end()).ifPresent(fees::add);
            }
        }
        if (closed != null) {
            fees.addAll(closed.usage());
        }
        facts.addOns().forEach(addOn -> fees.add(addOn.fee()));
        return fees;
    }
}
