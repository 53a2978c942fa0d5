package com.novabilling.command.usage;

import com.novabilling.api.metric.BillableMetricDefinition;

/** A billable metric as ingestion and current usage need it: its id and definition (code, aggregation, field). */
public record MetricRule(String billableMetricId, BillableMetricDefinition definition) {

    public String code() {
        return definition.code();
    }

    /** The property the metric aggregates, or null (COUNT). */
    public String fieldName() {
        return definition.fieldName();
    }
}
