package com.novabilling.api.charge;

import com.novabilling.api.money.CurrencyCode;

import java.util.List;

/** The charge's complete state after the update, so that every consumer can simply overwrite what it holds. */
public record ChargeUpdatedEvent(
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
