package com.novabilling.api.invoice;

import com.novabilling.api.money.Money;

/**
 * A finalized OFFSET credit note lowered the invoice's amount due by {@code amount} (docs/billing-rules.md §14); an
 * {@link InvoicePaidEvent} follows when nothing remains due.
 *
 * @param creditNotesAmount the invoice's credit notes applied so far, this one included
 * @param amountDue         what remains due afterwards
 */
public record InvoiceCreditNoteAppliedEvent(String invoiceId, String creditNoteId, Money amount,
                                            Money creditNotesAmount, Money amountDue) {
}
