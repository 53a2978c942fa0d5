package com.novabilling.api.metric;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partial update: see {@link BillableMetricDetails#with}. */
public record UpdateBillableMetricCommand(@TargetAggregateIdentifier String billableMetricId,
                                          BillableMetricDetails changes) {
}
