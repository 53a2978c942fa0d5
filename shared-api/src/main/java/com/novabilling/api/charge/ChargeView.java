package com.novabilling.api.charge;

import java.time.Instant;
import java.util.List;

/** Only the pricing field of the charge's model is set; the others are null. */
public record ChargeView(
        String id,
        String planId,
        String billableMetricId,
        ChargeModel chargeModel,
        BillingTiming billingTiming,
        String currency,
        ChargeProperties properties,
        List<ChargeRange> graduatedRanges,
        List<ChargeRange> volumeRanges,
        List<ChargeFilterPricing> filters,
        Instant createdAt,
        Instant updatedAt) {
}
