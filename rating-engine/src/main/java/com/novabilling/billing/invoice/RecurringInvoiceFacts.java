package com.novabilling.billing.invoice;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.billing.period.BillingPeriod;
import com.novabilling.billing.period.ProrationFacts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The facts of a subscription's recurring invoice at a boundary T (docs/billing-rules.md §13.1), taken from the
 * recorded events ({@code SubscriptionPeriodClosedEvent}, the start or trial end), never from the subscription's
 * current state.
 *
 * @param closed  the period that ends at T; null at the subscription's start (or the end of its trial)
 * @param opening the period that starts at T; null when the subscription ends at T
 * @param addOns  pending add-ons billed with this invoice
 */
public record RecurringInvoiceFacts(CurrencyCode currency, Instant boundary, ClosedPeriod closed,
                                    OpeningPeriod opening, List<PendingAddOn> addOns, List<CouponToApply> coupons,
                                    TaxRate taxRate, List<AvailableCredit> credits, List<WalletFunds> wallets) {

    public RecurringInvoiceFacts {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(boundary, "boundary");
        if (closed == null && opening == null) {
            throw new IllegalArgumentException("an invoice at " + boundary + " closes a period, opens one, or both");
        }
        if (closed != null && !closed.period().end().equals(boundary)) {
            throw new IllegalArgumentException("the closed period " + closed.period() + " does not end at " + boundary);
        }
        if (opening != null && !opening.period().start().equals(boundary)) {
            throw new IllegalArgumentException("the opening period " + opening.period() + " does not start at "
                    + boundary);
        }
        addOns = addOns == null ? List.of() : List.copyOf(addOns);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
        credits = credits == null ? List.of() : List.copyOf(credits);
        wallets = wallets == null ? List.of() : List.copyOf(wallets);
    }

    /**
     * The period that ends at the boundary: its in-arrears base fee and its in-arrears usage.
     *
     * @param plan      the plan that ran the period's end, at its captured price
     * @param planShare the share of the period that plan is billed for when it began within it (an in-arrears plan
     *                  upgraded to: the {@link ProrationFacts} at the change, whose remaining part it bills); null for
     *                  the whole period — a period stretched by a pause bills the full fee
     * @param usage     USAGE lines of the period, priced by {@link UsageFees} over {@code period}
     */
    public record ClosedPeriod(BillingPeriod period, PlanTerms plan, ProrationFacts planShare, List<FeeLine> usage) {
        public ClosedPeriod {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(plan, "plan");
            usage = usage == null ? List.of() : List.copyOf(usage);
        }
    }

    /**
     * The period that starts at the boundary: its in-advance base fee.
     *
     * @param share the share of a full period this one is billed for when it is shorter (a calendar-aligned first
     *              period: the facts at its start within the full calendar period); null for the whole fee
     */
    public record OpeningPeriod(BillingPeriod period, PlanTerms plan, ProrationFacts share) {
        public OpeningPeriod {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(plan, "plan");
        }
    }
}
