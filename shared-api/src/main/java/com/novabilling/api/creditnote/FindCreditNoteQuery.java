package com.novabilling.api.creditnote;

/** Answered with the {@link CreditNoteView}, or a NotFoundException. */
public record FindCreditNoteQuery(String creditNoteId) {
}
