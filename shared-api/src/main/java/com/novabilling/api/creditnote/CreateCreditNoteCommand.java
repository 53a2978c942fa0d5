package com.novabilling.api.creditnote;

import com.novabilling.api.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Create a DRAFT credit note against a finalized invoice. {@code customerId} and {@code currency} are the invoice's as
 * the caller read them; the invoice checks them, its state and that its credit notes stay within its total when the
 * amount is allocated on it.
 *
 * @param items what is credited; one item without a description when the request gave a single {@code amount}
 */
public record CreateCreditNoteCommand(@TargetAggregateIdentifier String creditNoteId, String invoiceId,
                                      String customerId, CurrencyCode currency,
                                      CreditNoteType type, CreditNoteReason reason, String description,
                                      List<CreditNoteItem> items) {
}
