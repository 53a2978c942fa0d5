package com.novabilling.api.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a billable metric contributes to rating: everything except its name and description. The rating engine maps
 * it to its own metric definition ({@code com.novabilling.rating.ChargeDefinitions}).
 *
 * @param fieldName the event property aggregated; may be null for COUNT
 * @param rounding  null for none
 */
public record BillableMetricDefinition(String code, AggregationType aggregationType, String fieldName,
                                       boolean recurring, List<BillableMetricFilter> filters,
                                       BillableMetricRounding rounding) {

    public BillableMetricDefinition {
        // not List.copyOf: invalid input with null entries must reach the validator
        filters = filters == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(filters));
    }
}
