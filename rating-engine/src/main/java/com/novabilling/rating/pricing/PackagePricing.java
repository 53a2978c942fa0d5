package com.novabilling.rating.pricing;

import java.math.BigDecimal;

/** PACKAGE: {@code ceil(max(0, units − freeUnits) / packageSize) × amount}; {@code freeUnits} null is 0. */
public record PackagePricing(BigDecimal packageSize, BigDecimal amount, BigDecimal freeUnits)
        implements PricingProperties {
    @Override
    public ChargeModel model() {
        return ChargeModel.PACKAGE;
    }
}
