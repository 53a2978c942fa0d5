package com.novabilling.api.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partial update: see {@link CustomerDetails#with}. A {@code taxRate} of 0 is a rate (exempt), not an absence. */
public record UpdateCustomerCommand(@TargetAggregateIdentifier String customerId, CustomerDetails changes) {
}
