package com.novabilling.api.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Record on an issued invoice that it was e-mailed, or that e-mailing it failed (issue 12 item 8). The sending
 * happens before, outside the aggregate; this only keeps the outcome.
 */
public record RecordInvoiceEmailAttemptCommand(@TargetAggregateIdentifier String invoiceId, Instant at, String to,
                                               InvoiceEmailOutcome outcome, String message) {
}
