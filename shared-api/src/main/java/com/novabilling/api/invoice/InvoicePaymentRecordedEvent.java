package com.novabilling.api.invoice;

import com.novabilling.api.money.Money;

import java.time.Instant;

/**
 * A payment was recorded against a FINALIZED invoice.
 *
 * @param amount     what was paid
 * @param amountPaid the invoice's payments so far, this one included
 * @param amountDue  what remains due after it (zero: an {@link InvoicePaidEvent} follows)
 * @param source     where it was recorded: {@code manual} for mark-paid (payments from providers come later)
 */
public record InvoicePaymentRecordedEvent(String invoiceId, Money amount, Instant paidAt, String reference,
                                          String source, Money amountPaid, Money amountDue) {

    public static final String MANUAL = "manual";
}
