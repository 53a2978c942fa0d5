package com.novabilling.api.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Partial update: a null component leaves that field unchanged; a present {@code metadata} replaces it whole. A
 * {@code taxRate} of 0 is a rate (exempt), not an absence.
 */
public record UpdateCustomerCommand(
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

    /** An update that leaves the customer's billing terms as they are. */
    public UpdateCustomerCommand(String customerId, String externalId, String name, String email, String country,
                                 String currency, Map<String, Object> metadata) {
        this(customerId, externalId, name, email, country, currency, metadata, null, null, null);
    }
}
