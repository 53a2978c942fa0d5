package com.novabilling.api.metric;

import java.time.Instant;
import java.util.List;

public record BillableMetricView(
        String id,
        String name,
        String code,
        String description,
        AggregationType aggregationType,
        String fieldName,
        boolean recurring,
        List<BillableMetricFilter> filters,
        BillableMetricRounding rounding,
        Instant createdAt,
        Instant updatedAt) {
}
