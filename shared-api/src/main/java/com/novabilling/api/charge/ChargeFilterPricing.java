package com.novabilling.api.charge;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A charge filter (docs/billing-rules.md §4.3): events whose property values match {@code values} (for every key, one
 * of the listed values) are priced with this filter's pricing, given in the field of the charge's model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChargeFilterPricing(
        Map<String, List<String>> values,
        ChargeProperties properties,
        List<ChargeRange> graduatedRanges,
        List<ChargeRange> volumeRanges) {
}
