package com.novabilling.rating.pricing;

import java.math.BigDecimal;

/**
 * PERCENTAGE (docs/billing-rules.md §5.5) of transaction values. Every option except {@code rate} may be {@code null}
 * (unset).
 *
 * @param rate                         percent, 0–100 (1.5 means 1.5 %)
 * @param fixedAmount                  fee per paid event
 * @param freeUnitsPerEvents           N: the first N events are free
 * @param freeUnitsPerTotalAggregation A: the first A units of value are free
 * @param perTransactionMin            m: lower clamp of each paid event's fee
 * @param perTransactionMax            M: upper clamp of each paid event's fee
 */
public record PercentagePricing(BigDecimal rate, BigDecimal fixedAmount, Long freeUnitsPerEvents,
                                BigDecimal freeUnitsPerTotalAggregation, BigDecimal perTransactionMin,
                                BigDecimal perTransactionMax) implements PricingProperties {

    public static PercentagePricing ofRate(BigDecimal rate) {
        return new PercentagePricing(rate, null, null, null, null, null);
    }

    @Override
    public ChargeModel model() {
        return ChargeModel.PERCENTAGE;
    }

    boolean hasPerTransactionLimits() {
        return perTransactionMin != null || perTransactionMax != null;
    }
}
