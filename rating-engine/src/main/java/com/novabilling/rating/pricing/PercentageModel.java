package com.novabilling.rating.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * PERCENTAGE (docs/billing-rules.md §5.5) of transaction values with a fixed fee per event, free events (N), free value
 * (A) and per-transaction min/max. Transactions must be in (timestamp, ingestion order).
 */
final class PercentageModel {
    private PercentageModel() {
    }

    static UnroundedFee price(PercentagePricing pricing, List<BigDecimal> transactions, String bucket) {
        List<Allowance> allowances = FreeAllowance.walk(pricing, transactions);
        return pricing.hasPerTransactionLimits()
                ? perTransaction(pricing, transactions, allowances, bucket)
                : aggregated(pricing, transactions, allowances, bucket);
    }

    private static UnroundedFee aggregated(PercentagePricing pricing, List<BigDecimal> transactions,
                                           List<Allowance> allowances, String bucket) {
        BigDecimal factor = Decimals.percentToFactor(pricing.rate());
        BigDecimal totalValue = transactions.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal freeValue = allowances.stream().map(Allowance::free).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paidValue = totalValue.subtract(freeValue);
        long freeEvents = allowances.stream().filter(Allowance::wholeEventFree).count();
        BigDecimal paidEvents = BigDecimal.valueOf(transactions.size() - freeEvents);

        List<BreakdownLine> lines = new ArrayList<>();
        lines.add(new BreakdownLine(bucket, LineKind.PERCENTAGE_OF_VALUE, null, null, null, paidValue, factor,
                BigDecimal.ZERO, paidValue.multiply(factor),
                "(" + totalValue.toPlainString() + " − " + freeValue.toPlainString() + " free) × "
                        + pricing.rate().toPlainString() + " %"));
        BigDecimal fixedFee = Decimals.orZero(pricing.fixedAmount());
        if (fixedFee.signum() != 0) {
            lines.add(new BreakdownLine(bucket, LineKind.FIXED_FEE_PER_EVENT, null, null, null, paidEvents, fixedFee,
                    BigDecimal.ZERO, paidEvents.multiply(fixedFee),
                    "(" + transactions.size() + " − " + freeEvents + " free) events × " + fixedFee.toPlainString()));
        }
        return UnroundedFee.of(lines);
    }

    private static UnroundedFee perTransaction(PercentagePricing pricing, List<BigDecimal> transactions,
                                               List<Allowance> allowances, String bucket) {
        BigDecimal factor = Decimals.percentToFactor(pricing.rate());
        BigDecimal fixedFee = Decimals.orZero(pricing.fixedAmount());
        List<BreakdownLine> lines = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            Allowance allowance = allowances.get(i);
            BigDecimal paidValue = transactions.get(i).subtract(allowance.free());
            if (allowance.wholeEventFree()) {
                lines.add(new BreakdownLine(bucket, LineKind.TRANSACTION, i, null, null, BigDecimal.ZERO, factor,
                        BigDecimal.ZERO, BigDecimal.ZERO, "free event"));
                continue;
            }
            BigDecimal fee = paidValue.multiply(factor).add(fixedFee);
            BigDecimal clamped = clamp(fee, pricing.perTransactionMin(), pricing.perTransactionMax());
            String explanation = paidValue.toPlainString() + " × " + pricing.rate().toPlainString() + " % + "
                    + fixedFee.toPlainString() + " = " + fee.toPlainString()
                    + (clamped.compareTo(fee) == 0 ? "" : " → clamped to " + clamped.toPlainString());
            lines.add(new BreakdownLine(bucket, LineKind.TRANSACTION, i, null, null, paidValue, factor, fixedFee,
                    clamped, explanation));
        }
        return UnroundedFee.of(lines);
    }

    static BigDecimal clamp(BigDecimal fee, BigDecimal min, BigDecimal max) {
        BigDecimal result = fee;
        if (min != null && result.compareTo(min) < 0) {
            result = min;
        }
        if (max != null && result.compareTo(max) > 0) {
            result = max;
        }
        return result;
    }

    /** The free part of one transaction; a transaction is a free event only when its whole value was free. */
    record Allowance(BigDecimal free, boolean wholeEventFree) {
        static final Allowance NONE = new Allowance(BigDecimal.ZERO, false);
    }

    /**
     * Walks the transactions in order while an allowance is active: fewer than N free events so far (or N unset)
     * and less than A value consumed (or A unset), with at least one of N, A set. Whichever runs out first ends it.
     */
    static final class FreeAllowance {
        private FreeAllowance() {
        }

        static List<Allowance> walk(PercentagePricing pricing, List<BigDecimal> transactions) {
            Long freeEventLimit = pricing.freeUnitsPerEvents();
            BigDecimal freeValueLimit = pricing.freeUnitsPerTotalAggregation();
            boolean configured = freeEventLimit != null || freeValueLimit != null;
            long freeEvents = 0;
            BigDecimal consumed = BigDecimal.ZERO;
            List<Allowance> allowances = new ArrayList<>();
            for (BigDecimal value : transactions) {
                boolean active = configured
                        && (freeEventLimit == null || freeEvents < freeEventLimit)
                        && (freeValueLimit == null || consumed.compareTo(freeValueLimit) < 0);
                if (!active) {
                    allowances.add(Allowance.NONE);
                    continue;
                }
                BigDecimal free = freeValueLimit == null ? value : value.min(freeValueLimit.subtract(consumed));
                free = Decimals.atLeastZero(free); // a negative transaction never consumes allowance
                consumed = consumed.add(free);
                boolean wholeEventFree = free.compareTo(value) == 0;
                if (wholeEventFree) {
                    freeEvents++;
                }
                allowances.add(new Allowance(free, wholeEventFree));
            }
            return allowances;
        }
    }
}
