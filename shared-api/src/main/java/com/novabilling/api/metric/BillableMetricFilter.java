package com.novabilling.api.metric;

import java.util.List;

/** A dimension of the metric's events ({@code region}) and the values charge filters may use for it. */
public record BillableMetricFilter(String key, List<String> values) {
}
