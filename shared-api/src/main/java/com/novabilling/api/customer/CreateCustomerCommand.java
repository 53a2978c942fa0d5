package com.novabilling.api.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

public record CreateCustomerCommand(
        @TargetAggregateIdentifier String customerId,
        String externalId,
        String name,
        String email,
        String country,
        String currency,
        Map<String, Object> metadata) {
}
