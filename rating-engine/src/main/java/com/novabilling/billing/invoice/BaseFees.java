package com.novabilling.billing.invoice;

import com.novabilling.api.money.Money;
import com.novabilling.billing.period.BillingPeriod;
import com.novabilling.billing.period.ProrationFacts;

import java.time.Instant;
import java.util.Optional;

/**
 * SUBSCRIPTION fee lines: a plan's base fee for a whole period, or the part of it a change left (§12). A part that
 * comes to 0 gives no line.
 */
public final class BaseFees {

    private BaseFees() {
    }

    /** The full fee for {@code period}. */
    public static Optional<FeeLine> full(PlanTerms plan, BillingPeriod period) {
        return line(plan, plan.price(), period.start(), period.end(), "");
    }

    /** The part of the fee for the seconds remaining at a change, billed for {@code [from, to)}. */
    public static Optional<FeeLine> remainingPart(PlanTerms plan, ProrationFacts facts, Instant from, Instant to) {
        return line(plan, Proration.remainingPart(plan.price(), facts), from, to, " (prorated)");
    }

    /** The part of the fee for the seconds used before a change, billed for {@code [from, to)}. */
    public static Optional<FeeLine> usedPart(PlanTerms plan, ProrationFacts facts, Instant from, Instant to) {
        return line(plan, Proration.usedPart(plan.price(), facts), from, to, " (prorated)");
    }

    private static Optional<FeeLine> line(PlanTerms plan, Money amount, Instant from, Instant to, String suffix) {
        if (amount.isZero()) {
            return Optional.empty();
        }
        return Optional.of(FeeLine.subscription(plan.planId(), plan.displayName() + suffix, amount, from, to));
    }
}
