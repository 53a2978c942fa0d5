package com.novabilling.api.metric;

/** Answered with a {@link BillableMetricView}, or NotFoundException. */
public record FindBillableMetricQuery(String billableMetricId) {
}
