package com.novabilling.api.creditnote;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.time.Instant;

/**
 * A DRAFT credit note was issued at {@code issuedAt} with the tenant's next credit-note number.
 *
 * @param creditNoteNumber the number shown, {@code CN-000001}
 * @param sequenceNumber   its position in the tenant's credit-note sequence
 * @param creditAmount     the customer credit it makes available (its amount for CREDIT, else 0)
 */
public record CreditNoteFinalizedEvent(String creditNoteId, String invoiceId, String customerId, CurrencyCode currency,
                                       CreditNoteType type, String creditNoteNumber, long sequenceNumber,
                                       Instant issuedAt, Money amount, Money creditAmount) {
}
