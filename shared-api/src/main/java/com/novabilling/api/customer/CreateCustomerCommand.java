package com.novabilling.api.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Map;

/** {@code netPaymentTerms}, {@code taxRate} and {@code taxName} null: not set (the tenant's apply). */
public record CreateCustomerCommand(
        @TargetAggregateIdentifier String customerId,
        String externalId,
        String name,
        String email,
        String country,
        String currency,
        Map<String, Object> metadata,
        Integer netPaymentTerms,
        BigDecimal taxRate,
        String taxName) {

    /** A customer with no billing terms of its own. */
    public CreateCustomerCommand(String customerId, String externalId, String name, String email, String country,
                                 String currency, Map<String, Object> metadata) {
        this(customerId, externalId, name, email, country, currency, metadata, null, null, null);
    }
}
