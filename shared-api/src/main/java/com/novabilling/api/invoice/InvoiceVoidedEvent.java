package com.novabilling.api.invoice;

import java.time.Instant;

/**
 * The invoice was voided at {@code voidedAt}; nothing is owed on it any more.
 *
 * @param previousStatus DRAFT or FINALIZED
 * @param invoiceNumber  the number it keeps (null for a voided draft)
 */
public record InvoiceVoidedEvent(String invoiceId, String customerId, InvoiceStatus previousStatus,
                                 String invoiceNumber, Instant voidedAt) {
}
