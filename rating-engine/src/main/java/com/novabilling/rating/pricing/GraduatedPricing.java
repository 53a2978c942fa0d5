package com.novabilling.rating.pricing;

import java.util.List;

/** GRADUATED: every range the units reach is priced at its own rate, plus its flat fee once entered. */
public record GraduatedPricing(List<PriceRange> ranges) implements PricingProperties {
    public GraduatedPricing {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }

    @Override
    public ChargeModel model() {
        return ChargeModel.GRADUATED;
    }
}
