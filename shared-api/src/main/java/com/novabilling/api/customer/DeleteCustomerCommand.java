package com.novabilling.api.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteCustomerCommand(@TargetAggregateIdentifier String customerId) {
}
