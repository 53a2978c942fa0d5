package com.novabilling.rating.pricing;

/**
 * Pricing of one bucket of a charge. Amounts are major units of the charge currency with up to 12 decimals;
 * they are unit prices, not money, and are never rounded before the final fee.
 */
public sealed interface PricingProperties
        permits StandardPricing, GraduatedPricing, VolumePricing, PackagePricing, PercentagePricing {

    /** The charge model these properties belong to. */
    ChargeModel model();
}
