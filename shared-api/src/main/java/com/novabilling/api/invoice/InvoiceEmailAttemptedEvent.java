package com.novabilling.api.invoice;

import java.time.Instant;

/** The invoice was e-mailed to {@code to} at {@code at}, or the attempt failed with the server's {@code message}. */
public record InvoiceEmailAttemptedEvent(String invoiceId, Instant at, String to, InvoiceEmailOutcome outcome,
                                         String message) {
}
