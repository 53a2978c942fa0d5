package com.novabilling.api.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** {@code recurring} null means false; {@code filters} null means none. */
public record CreateBillableMetricCommand(
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
