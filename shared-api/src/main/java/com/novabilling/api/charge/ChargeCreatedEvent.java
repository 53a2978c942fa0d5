package com.novabilling.api.charge;

import com.novabilling.api.money.CurrencyCode;

import java.util.List;

/** Ranges are stored in the canonical inclusive form; {@code filters} is never null. */
public record ChargeCreatedEvent(
        String chargeId,
        String planId,
        String billableMetricId,
        CurrencyCode currency,
        BillingTiming billingTiming,
        ChargeModel chargeModel,
        ChargeProperties properties,
        List<ChargeRange> graduatedRanges,
        List<ChargeRange> volumeRanges,
        List<ChargeFilterPricing> filters) {

    public ChargePricing toPricing() {
        return new ChargePricing(chargeModel, properties, graduatedRanges, volumeRanges, filters);
    }
}
