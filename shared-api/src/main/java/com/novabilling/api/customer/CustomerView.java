package com.novabilling.api.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * @param netPaymentTerms the customer's own payment terms in days; null when it leaves them to its plan or tenant
 * @param taxRate         the customer's own tax rate in percent (0 = exempt); null when it leaves it to the tenant
 * @param taxName         the customer's own tax name; null when not set
 */
public record CustomerView(
        String id,
        String externalId,
        String name,
        String email,
        String country,
        String currency,
        Integer netPaymentTerms,
        BigDecimal taxRate,
        String taxName,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt) {
}
