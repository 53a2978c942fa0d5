package com.novabilling.api.invoice;

/**
 * Answered with an {@link InvoiceDocumentSource}: the invoice with its lines and totals as stored (every field the
 * PDF prints, some of which the API view leaves out), or NotFoundException.
 */
public record FindInvoiceDocumentQuery(String invoiceId) {
}
