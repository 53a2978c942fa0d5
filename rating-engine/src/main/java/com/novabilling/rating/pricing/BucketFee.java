package com.novabilling.rating.pricing;

import com.novabilling.api.money.Money;
import com.novabilling.rating.aggregation.Bucket;

import java.math.BigDecimal;
import java.util.List;

/**
 * The fee of one bucket: one invoice fee line. {@code amount} is {@code unroundedAmount} rounded once, HALF_UP,
 * to the currency exponent.
 *
 * @param units units priced (after metric rounding, negative aggregates as 0)
 */
public record BucketFee(Bucket bucket, BigDecimal units, BigDecimal unroundedAmount, Money amount,
                        List<BreakdownLine> lines) {
    public BucketFee {
        lines = List.copyOf(lines);
    }
}
