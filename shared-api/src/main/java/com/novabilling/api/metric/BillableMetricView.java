package com.novabilling.api.metric;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

public record BillableMetricView(String id, @JsonUnwrapped BillableMetricDetails details, Instant createdAt,
                                 Instant updatedAt) {
}
