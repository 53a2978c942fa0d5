package com.novabilling.rating;

import com.novabilling.rating.pricing.PackagePricing;
import com.novabilling.rating.pricing.PriceRange;

import java.math.BigDecimal;
import java.util.List;

/** Pricing fixtures from docs/billing-rules.md §5.2–§5.4. */
public final class Pricings {
    private Pricings() {
    }

    /** Seed ranges (USD): 0–1000 @ 0, 1001–10000 @ 0.01, 10001+ @ 0.005, flat 0. */
    public static List<PriceRange> seedRanges() {
        return List.of(PriceRange.of(0, 1000L, "0", "0"),
                PriceRange.of(1001, 10000L, "0.01", "0"),
                PriceRange.of(10001, null, "0.005", "0"));
    }

    /** Flat-fee ranges (USD): 0–100 @ 0 flat 10, 101+ @ 0.50 flat 5. */
    public static List<PriceRange> flatFeeRanges() {
        return List.of(PriceRange.of(0, 100L, "0", "10"), PriceRange.of(101, null, "0.50", "5"));
    }

    /** packageSize 100, amount 50.00, freeUnits 200. */
    public static PackagePricing packageWithFreeUnits() {
        return new PackagePricing(new BigDecimal("100"), new BigDecimal("50.00"), new BigDecimal("200"));
    }

    public static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
