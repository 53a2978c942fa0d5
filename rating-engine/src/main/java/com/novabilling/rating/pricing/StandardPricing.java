package com.novabilling.rating.pricing;

import java.math.BigDecimal;

/** STANDARD: {@code units × amount}. */
public record StandardPricing(BigDecimal amount) implements PricingProperties {
    @Override
    public ChargeModel model() {
        return ChargeModel.STANDARD;
    }
}
