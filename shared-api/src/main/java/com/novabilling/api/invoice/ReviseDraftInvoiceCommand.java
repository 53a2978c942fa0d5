package com.novabilling.api.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Replace a DRAFT invoice's lines and totals with newly computed ones (late usage re-rated into the draft during the
 * grace period, docs/billing-rules.md §6.1). Refused once the invoice is finalized or voided; the same lines and
 * totals again change nothing.
 */
public record ReviseDraftInvoiceCommand(
        @TargetAggregateIdentifier String invoiceId,
        List<InvoiceLine> lines,
        InvoiceTotals totals) {
}
