package com.novabilling.rating.pricing;

import java.util.List;

/** VOLUME: all units are priced at the rate of the single range that contains the total. */
public record VolumePricing(List<PriceRange> ranges) implements PricingProperties {
    public VolumePricing {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }

    @Override
    public ChargeModel model() {
        return ChargeModel.VOLUME;
    }
}
