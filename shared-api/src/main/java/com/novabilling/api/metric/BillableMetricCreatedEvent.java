package com.novabilling.api.metric;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Stored flat, the details' fields beside {@code billableMetricId}, as before they were grouped (2026-12-01). */
public record BillableMetricCreatedEvent(String billableMetricId, @JsonUnwrapped BillableMetricDetails details) {
}
