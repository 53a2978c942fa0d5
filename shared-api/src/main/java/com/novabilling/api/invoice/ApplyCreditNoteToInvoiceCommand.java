package com.novabilling.api.invoice;

import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A finalized OFFSET credit note lowers the amount due of its own invoice (docs/billing-rules.md §14): only an unpaid
 * FINALIZED invoice with at least {@code amount} due (409 otherwise); the invoice becomes PAID when nothing remains
 * due. At most once per credit note: a repetition changes nothing.
 */
public record ApplyCreditNoteToInvoiceCommand(@TargetAggregateIdentifier String invoiceId, String creditNoteId,
                                              Money amount) {
}
