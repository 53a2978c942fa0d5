package com.novabilling.api.invoice;

import com.novabilling.api.money.CurrencyCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A DRAFT invoice was created with these lines and totals (the totals are the exact sums of the lines). Its creation
 * instant is the event's timestamp.
 *
 * @param subscriptionId null for a one-off invoice
 * @param dueDate        the due date fixed at creation, else null (computed at finalization)
 * @param finalizeAt     when the draft is to finalize by itself (grace period end), else null
 * @param usageWindow    the usage the invoice bills (a recurring invoice that closes a period), re-rated while it is a
 *                       draft; null for other invoices (and invoices recorded before windows were)
 */
public record InvoiceCreatedEvent(
        String invoiceId,
        String customerId,
        String subscriptionId,
        CurrencyCode currency,
        Instant periodStart,
        Instant periodEnd,
        Instant dueDate,
        String notes,
        Map<String, Object> metadata,
        List<InvoiceLine> lines,
        InvoiceTotals totals,
        Instant finalizeAt,
        InvoiceUsageWindow usageWindow) {
}
