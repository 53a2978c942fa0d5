package com.novabilling.api.metric;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The metric's complete details after the change, stored flat like {@link BillableMetricCreatedEvent}'s. */
public record BillableMetricUpdatedEvent(String billableMetricId, @JsonUnwrapped BillableMetricDetails details) {
}
