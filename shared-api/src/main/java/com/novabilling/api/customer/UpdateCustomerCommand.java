package com.novabilling.api.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Partial update: a null component leaves that field unchanged; a present {@code metadata} replaces it whole. */
public record UpdateCustomerCommand(
        @TargetAggregateIdentifier String customerId,
        String externalId,
        String name,
        String email,
        String country,
        String currency,
        Map<String, Object> metadata) {
}
