package com.novabilling.rating.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * GRADUATED (docs/billing-rules.md §5.2). Range i prices the units in {@code (lower_i, toValue_i]}, where
 * {@code lower_i} is the previous range's {@code toValue} (0 for the first), so fractional units such as 1000.5 land
 * in the right range. A range contributes its flat fee only when units enter it.
 */
final class GraduatedModel {
    private GraduatedModel() {
    }

    static UnroundedFee price(GraduatedPricing pricing, BigDecimal units, String bucket) {
        List<BreakdownLine> lines = new ArrayList<>();
        BigDecimal lower = BigDecimal.ZERO;
        List<PriceRange> ranges = pricing.ranges();
        for (int i = 0; i < ranges.size(); i++) {
            PriceRange range = ranges.get(i);
            BigDecimal upper = range.isOpen() ? units : units.min(range.toValue());
            BigDecimal unitsInRange = Decimals.atLeastZero(upper.subtract(lower));
            if (unitsInRange.signum() > 0) {
                lines.add(tierLine(bucket, i, range, unitsInRange));
            }
            if (range.isOpen() || units.compareTo(range.toValue()) <= 0) {
                break;
            }
            lower = range.toValue();
        }
        return UnroundedFee.of(lines);
    }

    private static BreakdownLine tierLine(String bucket, int index, PriceRange range, BigDecimal unitsInRange) {
        BigDecimal amount = unitsInRange.multiply(range.unitPrice()).add(range.flatFee());
        String explanation = unitsInRange.toPlainString() + " × " + range.unitPrice().toPlainString()
                + " + flat " + range.flatFee().toPlainString();
        return new BreakdownLine(bucket, LineKind.TIER, index, range.fromValue(), range.toValue(), unitsInRange,
                range.unitPrice(), range.flatFee(), amount, explanation);
    }
}
