package com.novabilling.rating;

import java.util.List;
import java.util.Objects;

/** A dimension declared on a billable metric and the values charge filters may use for it. */
public record MetricFilter(String key, List<String> values) {
    public MetricFilter {
        Objects.requireNonNull(key, "key");
        values = values == null ? List.of() : List.copyOf(values);
    }
}
