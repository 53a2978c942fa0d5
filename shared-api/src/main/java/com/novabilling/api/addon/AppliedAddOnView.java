package com.novabilling.api.addon;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An add-on applied to a customer, with the name, code and price captured when it was applied.
 *
 * @param unitAmount major units at the currency's scale
 * @param amount     {@code unitAmount × quantity}, major units
 * @param removedAt  null unless status is REMOVED
 * @param invoiceId  the invoice that billed it; null unless status is INVOICED
 * @param invoicedAt null unless status is INVOICED
 */
public record AppliedAddOnView(
        String id,
        String addOnId,
        String addOnCode,
        String name,
        String invoiceDisplayName,
        String customerId,
        String subscriptionId,
        int quantity,
        CurrencyCode currency,
        BigDecimal unitAmount,
        BigDecimal amount,
        AppliedAddOnStatus status,
        Instant appliedAt,
        Instant removedAt,
        String invoiceId,
        Instant invoicedAt) {
}
