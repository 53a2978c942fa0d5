package com.novabilling.api.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code recurring} null means false; {@code filters} null means none. */
public record CreateBillableMetricCommand(@TargetAggregateIdentifier String billableMetricId,
                                          BillableMetricDetails details) {
}
