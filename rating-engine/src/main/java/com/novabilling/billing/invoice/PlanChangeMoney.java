package com.novabilling.billing.invoice;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.billing.period.BillingPeriod;
import com.novabilling.billing.period.ProrationFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The money of plan changes and cancellations (docs/billing-rules.md §12), from the facts the
 * subscription recorded ({@code periodSeconds}, {@code secondsUsed}, {@code secondsRemaining} of its events).
 * Each plan follows its own base-fee timing:
 * <ul>
 *   <li>the old plan billed IN_ADVANCE was paid for the whole period: its {@code remainingPart} is credited
 *       (ORDER_CHANGE credit note);</li>
 *   <li>the old plan billed IN_ARREARS was not paid yet: its {@code usedPart} is invoiced now;</li>
 *   <li>the new plan billed IN_ADVANCE: its {@code remainingPart} (same interval) or full fee for its new period
 *       (other interval) is invoiced now;</li>
 *   <li>the new plan billed IN_ARREARS: nothing now — {@link RecurringInvoice} bills it at the period's end
 *       (pass {@code atChange} as the closed period's {@code planShare}).</li>
 * </ul>
 * Downgrades (applied at period end) and pauses move no money: there is no function for them. Changes and
 * cancellations during a trial move no money either: the trial bills nothing, so callers do not call these.
 */
public final class PlanChangeMoney {

    private PlanChangeMoney() {
    }

    /**
     * An upgrade with the same interval: the anchor and {@code period} are kept.
     *
     * @param atChange       the seconds used and remaining of {@code period} at {@code changedAt}
     * @param oldPlanUsage   usage fees of the old plan up to the change to bill now (§12 says so for IN_ARREARS;
     *                       may be empty)
     */
    public static PlanChangeSettlement upgrade(PlanTerms oldPlan, PlanTerms newPlan, BillingPeriod period,
                                               ProrationFacts atChange, Instant changedAt,
                                               List<FeeLine> oldPlanUsage) {
        CurrencyCode currency = requireSameCurrency(oldPlan, newPlan);
        List<FeeLine> fees = new ArrayList<>();
        Money credit = settleOldPlan(oldPlan, period, atChange, changedAt, fees);
        if (newPlan.billsInAdvance()) {
            BaseFees.remainingPart(newPlan, atChange, changedAt, period.end()).ifPresent(fees::add);
        }
        fees.addAll(oldPlanUsage);
        return settlement(currency, credit, fees);
    }

    /**
     * An upgrade to another interval: the old period is cut at {@code changedAt} and {@code newPeriod} starts there.
     */
    public static PlanChangeSettlement upgradeToOtherInterval(PlanTerms oldPlan, PlanTerms newPlan,
                                                              BillingPeriod period, ProrationFacts atChange,
                                                              Instant changedAt, BillingPeriod newPeriod,
                                                              List<FeeLine> oldPlanUsage) {
        CurrencyCode currency = requireSameCurrency(oldPlan, newPlan);
        if (!newPeriod.start().equals(changedAt)) {
            throw new IllegalArgumentException("the new period " + newPeriod + " starts at the change " + changedAt);
        }
        List<FeeLine> fees = new ArrayList<>();
        Money credit = settleOldPlan(oldPlan, period, atChange, changedAt, fees);
        if (newPlan.billsInAdvance()) {
            BaseFees.full(newPlan, newPeriod).ifPresent(fees::add);
        }
        fees.addAll(oldPlanUsage);
        return settlement(currency, credit, fees);
    }

    /**
     * Cancel now: IN_ADVANCE credits the {@code remainingPart}, IN_ARREARS bills the {@code usedPart}; the final
     * invoice also holds the usage of {@code [period start, canceledAt)}.
     */
    public static PlanChangeSettlement cancelNow(PlanTerms plan, BillingPeriod period, ProrationFacts atCancel,
                                                 Instant canceledAt, List<FeeLine> usageSoFar) {
        List<FeeLine> fees = new ArrayList<>();
        Money credit = settleOldPlan(plan, period, atCancel, canceledAt, fees);
        fees.addAll(usageSoFar);
        return settlement(plan.price().currency(), credit, fees);
    }

    private static Money settleOldPlan(PlanTerms oldPlan, BillingPeriod period, ProrationFacts facts, Instant at,
                                       List<FeeLine> fees) {
        if (oldPlan.billsInAdvance()) {
            return Proration.remainingPart(oldPlan.price(), facts);
        }
        BaseFees.usedPart(oldPlan, facts, period.start(), at).ifPresent(fees::add);
        return Money.zero(oldPlan.price().currency());
    }

    private static PlanChangeSettlement settlement(CurrencyCode currency, Money credit, List<FeeLine> fees) {
        for (FeeLine fee : fees) {
            if (fee.amount().currency() != currency) {
                throw new IllegalArgumentException("fee " + fee.line().description() + " is not in " + currency);
            }
        }
        return new PlanChangeSettlement(credit, fees);
    }

    private static CurrencyCode requireSameCurrency(PlanTerms oldPlan, PlanTerms newPlan) {
        if (oldPlan.price().currency() != newPlan.price().currency()) {
            throw new IllegalArgumentException("a plan change stays in one currency: " + oldPlan.price() + " → "
                    + newPlan.price());
        }
        return oldPlan.price().currency();
    }
}
