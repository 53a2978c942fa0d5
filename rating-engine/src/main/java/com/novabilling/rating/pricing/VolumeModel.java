package com.novabilling.rating.pricing;

import com.novabilling.rating.RatingException;

import java.math.BigDecimal;
import java.util.List;

/**
 * VOLUME (docs/billing-rules.md §5.3): all units at the rate of the single range whose interval
 * {@code (lower, toValue]} contains them, plus that range's flat fee.
 */
final class VolumeModel {
    private VolumeModel() {
    }

    static UnroundedFee price(VolumePricing pricing, BigDecimal units, String bucket) {
        List<PriceRange> ranges = pricing.ranges();
        int index = rangeIndex(ranges, units);
        PriceRange range = ranges.get(index);
        BigDecimal amount = units.multiply(range.unitPrice()).add(range.flatFee());
        String explanation = units.toPlainString() + " × " + range.unitPrice().toPlainString()
                + " + flat " + range.flatFee().toPlainString();
        return UnroundedFee.of(List.of(new BreakdownLine(bucket, LineKind.TIER, index, range.fromValue(),
                range.toValue(), units, range.unitPrice(), range.flatFee(), amount, explanation)));
    }

    static int rangeIndex(List<PriceRange> ranges, BigDecimal units) {
        if (ranges.isEmpty()) {
            throw new RatingException("volumeRanges", "at least one range is required");
        }
        for (int i = 0; i < ranges.size(); i++) {
            PriceRange range = ranges.get(i);
            if (range.isOpen() || units.compareTo(range.toValue()) <= 0) {
                return i;
            }
        }
        throw new RatingException("volumeRanges", "no range contains " + units.toPlainString()
                + " units; the last range must be open");
    }
}
