package com.novabilling.api.charge;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.novabilling.api.money.CurrencyCode;

/**
 * Everything a charge is apart from its id: what its commands and events carry whole, its aggregate decides on and its
 * read model stores. Events store it flat, the pricing's fields after {@code billingTiming}, and normalised: ranges
 * in the inclusive form, only the model's own pricing field set, filters never null (docs/billing-rules.md §4.1).
 */
public record ChargeDetails(String planId, String billableMetricId, CurrencyCode currency, BillingTiming billingTiming,
                            @JsonUnwrapped ChargePricing pricing) {
}
