package com.novabilling.api.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteBillableMetricCommand(@TargetAggregateIdentifier String billableMetricId) {
}
