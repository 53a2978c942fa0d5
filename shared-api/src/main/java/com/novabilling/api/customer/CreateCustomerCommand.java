package com.novabilling.api.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateCustomerCommand(@TargetAggregateIdentifier String customerId, CustomerDetails details) {
}
