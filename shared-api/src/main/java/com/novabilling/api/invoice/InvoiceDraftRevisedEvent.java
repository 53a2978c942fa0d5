package com.novabilling.api.invoice;

import java.util.List;

/** A DRAFT invoice's lines and totals were replaced by newly computed ones. */
public record InvoiceDraftRevisedEvent(String invoiceId, List<InvoiceLine> lines, InvoiceTotals totals) {
}
