package com.novabilling.api.metric;

/**
 * Answered with a {@code PageResult<BillableMetricView>}, newest first. {@code search} (nullable) matches a
 * case-insensitive substring of name or code; {@code aggregationType} (nullable) keeps metrics of that type.
 */
public record ListBillableMetricsQuery(int page, int limit, String search, AggregationType aggregationType) {
}
