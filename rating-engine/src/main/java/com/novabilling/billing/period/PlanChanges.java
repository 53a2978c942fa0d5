package com.novabilling.billing.period;

import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.PlanChangeKind;

/** Whether a plan change is an upgrade or a downgrade (docs/billing-rules.md §10). */
public final class PlanChanges {

    private PlanChanges() {
    }

    /**
     * UPGRADE when the new plan's yearly fee is at least the old one's, both in the subscription's currency, each
     * interval's fee multiplied by how many of its periods a year holds (HOURLY × 8,760 … YEARLY × 1).
     */
    public static PlanChangeKind kind(Money oldPrice, BillingInterval oldInterval, Money newPrice,
                                      BillingInterval newInterval) {
        if (oldPrice.currency() != newPrice.currency()) {
            throw new IllegalArgumentException("plan prices compared in two currencies: " + oldPrice + " and "
                    + newPrice);
        }
        return yearlyMinor(newPrice, newInterval) >= yearlyMinor(oldPrice, oldInterval)
                ? PlanChangeKind.UPGRADE
                : PlanChangeKind.DOWNGRADE;
    }

    static long yearlyMinor(Money price, BillingInterval interval) {
        return Math.multiplyExact(price.minor(), periodsPerYear(interval));
    }

    static long periodsPerYear(BillingInterval interval) {
        return switch (interval) {
            case HOURLY -> 8_760;
            case DAILY -> 365;
            case WEEKLY -> 52;
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case YEARLY -> 1;
        };
    }
}
