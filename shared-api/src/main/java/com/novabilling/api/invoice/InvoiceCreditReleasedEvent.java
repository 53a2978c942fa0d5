package com.novabilling.api.invoice;

import com.novabilling.api.money.Money;

/**
 * A voided credit note gave its allocation back.
 *
 * @param allocatedTotal the invoice's live credit notes together afterwards
 */
public record InvoiceCreditReleasedEvent(String invoiceId, String creditNoteId, Money amount, Money allocatedTotal) {
}
