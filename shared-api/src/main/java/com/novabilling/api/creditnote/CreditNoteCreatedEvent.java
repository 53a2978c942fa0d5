package com.novabilling.api.creditnote;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.util.List;

/**
 * A DRAFT credit note was created against a finalized invoice.
 *
 * @param amount the sum of the items, allocated on the invoice
 */
public record CreditNoteCreatedEvent(String creditNoteId, String invoiceId, String customerId, CurrencyCode currency,
                                     CreditNoteType type, CreditNoteReason reason, String description,
                                     List<CreditNoteItem> items, Money amount) {
}
