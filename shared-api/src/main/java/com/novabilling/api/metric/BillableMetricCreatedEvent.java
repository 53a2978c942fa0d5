package com.novabilling.api.metric;

import java.util.List;

/** {@code filters} is never null. */
public record BillableMetricCreatedEvent(
        String billableMetricId,
        String name,
        String code,
        String description,
        AggregationType aggregationType,
        String fieldName,
        boolean recurring,
        List<BillableMetricFilter> filters,
        BillableMetricRounding rounding) {

    public BillableMetricDefinition toDefinition() {
        return new BillableMetricDefinition(code, aggregationType, fieldName, recurring, filters, rounding);
    }
}
