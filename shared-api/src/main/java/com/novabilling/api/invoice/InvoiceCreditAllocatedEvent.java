package com.novabilling.api.invoice;

import com.novabilling.api.money.Money;

/**
 * {@code amount} of the invoice's total is taken by the credit note (a new allocation, or a changed one replacing the
 * note's previous amount).
 *
 * @param allocatedTotal the invoice's live credit notes together, this one included (never above its total)
 */
public record InvoiceCreditAllocatedEvent(String invoiceId, String creditNoteId, Money amount, boolean offset,
                                          Money allocatedTotal) {
}
