package com.novabilling.app.invoice.document;

/**
 * The tenant's SMTP server did not take an invoice e-mail. Carries the failed attempt, to be recorded on the invoice
 * before the answer (502, with the server's message) goes out; nothing else has changed.
 */
public class InvoiceEmailFailedException extends RuntimeException {

    private final transient InvoiceEmailAttempt attempt;

    public InvoiceEmailFailedException(InvoiceEmailAttempt attempt) {
        super(attempt.message(), null, false, false);
        this.attempt = attempt;
    }

    public InvoiceEmailAttempt attempt() {
        return attempt;
    }
}
