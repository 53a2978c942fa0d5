package com.novabilling.api.invoice;

/** Answered with an {@link InvoiceView}, or NotFoundException. */
public record FindInvoiceQuery(String invoiceId) {
}
