package com.novabilling.api.invoice;

/** Whether the tenant's SMTP server took an invoice e-mail. */
public enum InvoiceEmailOutcome {
    SENT, FAILED
}
