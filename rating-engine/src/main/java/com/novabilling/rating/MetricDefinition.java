package com.novabilling.rating;

import com.novabilling.rating.aggregation.AggregationType;
import com.novabilling.rating.pricing.UnitRounding;

import java.util.List;
import java.util.Objects;

/**
 * A billable metric as the rating engine needs it.
 *
 * @param fieldName the event property aggregated; {@code null} for COUNT
 * @param rounding  optional rounding of the aggregate before pricing; {@code null} for none
 */
public record MetricDefinition(String code, AggregationType aggregationType, String fieldName, boolean recurring,
                               List<MetricFilter> filters, UnitRounding rounding) {
    public MetricDefinition {
        Objects.requireNonNull(aggregationType, "aggregationType");
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public static MetricDefinition of(String code, AggregationType type, String fieldName) {
        return new MetricDefinition(code, type, fieldName, false, List.of(), null);
    }

    public static MetricDefinition recurring(String code, AggregationType type, String fieldName) {
        return new MetricDefinition(code, type, fieldName, true, List.of(), null);
    }

    public MetricDefinition withFilters(List<MetricFilter> newFilters) {
        return new MetricDefinition(code, aggregationType, fieldName, recurring, newFilters, rounding);
    }

    public MetricDefinition withRounding(UnitRounding newRounding) {
        return new MetricDefinition(code, aggregationType, fieldName, recurring, filters, newRounding);
    }
}
