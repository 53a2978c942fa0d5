package com.novabilling.api.creditnote;

import com.novabilling.api.money.Money;

import java.util.List;

/** A DRAFT credit note was changed; the event carries the whole draft as it now is. */
public record CreditNoteDraftUpdatedEvent(String creditNoteId, String invoiceId, CreditNoteType type,
                                          CreditNoteReason reason, String description, List<CreditNoteItem> items,
                                          Money amount) {
}
