package com.novabilling.api.invoice;

import java.time.Instant;

/**
 * One attempt to e-mail an invoice, as the invoice shows it.
 *
 * @param at      when it was made (the tenant's clock)
 * @param to      the recipient, as addressed
 * @param outcome SENT when the tenant's SMTP server took the message, else FAILED
 * @param message on success a sentence; on failure the SMTP server's own reply ({@code 550 5.1.1 …}) or a sentence
 *                saying what failed
 */
public record InvoiceEmailAttemptView(Instant at, String to, InvoiceEmailOutcome outcome, String message) {
}
