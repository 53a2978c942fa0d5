package com.novabilling.api.metric;

import java.util.List;

/** The metric's complete state after the update, so that every consumer can simply overwrite what it holds. */
public record BillableMetricUpdatedEvent(
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
