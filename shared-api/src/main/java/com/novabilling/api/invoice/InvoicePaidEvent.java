package com.novabilling.api.invoice;

import java.time.Instant;

/**
 * Nothing is due on the invoice any more: it is PAID as of {@code paidAt} (the payment that settled it, or the
 * finalization of an invoice with nothing due, docs/billing-rules.md §6.2 step 6).
 */
public record InvoicePaidEvent(String invoiceId, String customerId, Instant paidAt) {
}
