package com.novabilling.rating.pricing;

import com.novabilling.api.charge.BreakdownLineKind;
import com.novabilling.api.charge.ChargeEstimateLine;
import com.novabilling.rating.aggregation.Bucket;

import java.math.BigDecimal;

/**
 * One step of a fee computation, unrounded: {@code amount = units × unitPrice + flatAmount}, except for
 * {@link LineKind#TRANSACTION} lines whose amount is that sum clamped to the per-transaction limits.
 *
 * @param bucket      {@link Bucket#label()} of the bucket priced
 * @param tierIndex   index of the range for TIER lines, the event position for TRANSACTION lines, else {@code null}
 * @param tierFrom    the range's {@code fromValue} (TIER lines), else {@code null}
 * @param tierTo      the range's {@code toValue}, {@code null} for the open range or non-tier lines
 * @param units       units priced by this line (for PACKAGES: the number of packages)
 * @param explanation the computation in words, e.g. {@code 9000 × 0.01}
 */
public record BreakdownLine(String bucket, LineKind kind, Integer tierIndex, BigDecimal tierFrom, BigDecimal tierTo,
                            BigDecimal units, BigDecimal unitPrice, BigDecimal flatAmount, BigDecimal amount,
                            String explanation) {

    /** The line as the API shows it in estimates and on invoices. */
    public ChargeEstimateLine asEstimateLine() {
        return new ChargeEstimateLine(bucket, BreakdownLineKind.valueOf(kind.name()), tierIndex, tierFrom, tierTo, units,
                unitPrice, flatAmount, amount, explanation);
    }
}
