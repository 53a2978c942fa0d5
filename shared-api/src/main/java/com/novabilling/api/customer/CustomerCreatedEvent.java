package com.novabilling.api.customer;

import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code email} is lower case; {@code metadata} is never null.
 *
 * @param netPaymentTerms the customer's own payment terms in days; null: not set (absent from events stored before
 *                        issue 12)
 * @param taxRate         the customer's own tax rate in percent, canonical (16, 7.5); 0 = exempt; null: not set
 * @param taxName         the customer's own tax name; null: not set
 */
public record CustomerCreatedEvent(
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
    public CustomerCreatedEvent(String customerId, String externalId, String name, String email, String country,
                                String currency, Map<String, Object> metadata) {
        this(customerId, externalId, name, email, country, currency, metadata, null, null, null);
    }
}
