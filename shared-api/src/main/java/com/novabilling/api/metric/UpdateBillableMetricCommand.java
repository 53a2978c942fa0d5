package com.novabilling.api.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Partial update: a null component leaves that field unchanged; a present {@code filters} list replaces the filters
 * whole.
 */
public record UpdateBillableMetricCommand(
        @TargetAggregateIdentifier String billableMetricId,
        String name,
        String code,
        String description,
        AggregationType aggregationType,
        String fieldName,
        Boolean recurring,
        List<BillableMetricFilter> filters,
        BillableMetricRounding rounding) {
}
