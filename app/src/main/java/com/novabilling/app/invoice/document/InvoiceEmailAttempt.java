package com.novabilling.app.invoice.document;

import java.time.Instant;

/**
 * One attempt to e-mail an invoice, as the invoice records it.
 *
 * @param at      when the attempt was made (the tenant's clock)
 * @param to      the recipient(s), as addressed
 * @param outcome whether the tenant's SMTP server accepted the message
 * @param message on success a sentence; on failure the SMTP server's own reply ({@code 550 5.1.1 …}) or a plain
 *                sentence saying what failed ({@code could not connect to smtp.example.com:587 within 5 s})
 */
public record InvoiceEmailAttempt(Instant at, String to, Outcome outcome, String message) {

    public enum Outcome {
        SENT, FAILED
    }
}
