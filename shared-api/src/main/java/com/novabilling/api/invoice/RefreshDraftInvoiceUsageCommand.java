package com.novabilling.api.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Re-rate a DRAFT invoice's usage window with the usage recorded now (late events of its period arrived during the
 * grace period, docs/billing-rules.md §13.3). Nothing changes when the usage is the same, or when the invoice bills no
 * usage window; a finalized or voided invoice refuses it (409): its late usage is a correction, not a revision.
 */
public record RefreshDraftInvoiceUsageCommand(@TargetAggregateIdentifier String invoiceId) {
}
