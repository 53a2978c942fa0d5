package com.novabilling.billing.invoice;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;

import java.util.Objects;

/**
 * A plan as a subscription ran on it: its captured price in the subscription's currency, its interval and when its
 * base fee is billed (IN_ADVANCE, the default, or IN_ARREARS).
 *
 * @param name printed on the base fee line; the plan id when null
 */
public record PlanTerms(String planId, String name, Money price, BillingInterval interval,
                        BillingTiming baseFeeTiming) {

    public PlanTerms {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(interval, "interval");
        baseFeeTiming = baseFeeTiming == null ? BillingTiming.IN_ADVANCE : baseFeeTiming;
        if (price.isNegative()) {
            throw new IllegalArgumentException("a plan price is never negative: " + price);
        }
    }

    public boolean billsInAdvance() {
        return baseFeeTiming == BillingTiming.IN_ADVANCE;
    }

    String displayName() {
        return name == null ? planId : name;
    }
}
