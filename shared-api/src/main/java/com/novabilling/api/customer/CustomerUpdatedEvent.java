package com.novabilling.api.customer;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The customer's complete state after the update, changed and unchanged fields alike, so that every consumer
 * (aggregate, lookup table, read models) can simply overwrite what it holds. The billing terms are as in
 * {@link CustomerCreatedEvent}: null when not set, and in events stored before issue 12.
 */
public record CustomerUpdatedEvent(
        String customerId,
        String externalId,
        String name,
        String email,
        String country,
        String currency,
        Map<String, Object> metadata,
        Integer netPaymentTerms,
        BigDecimal taxRate,
        String taxName) {

    /** A customer with no billing terms of its own, as every customer was before issue 12. */
    public CustomerUpdatedEvent(String customerId, String externalId, String name, String email, String country,
                                String currency, Map<String, Object> metadata) {
        this(customerId, externalId, name, email, country, currency, metadata, null, null, null);
    }
}
