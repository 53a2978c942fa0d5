package com.novabilling.api.creditnote;

/** Answered with a {@code PageResult<CreditNoteView>}, newest first; the filters are nullable and combine (AND). */
public record ListCreditNotesQuery(int page, int limit, String customerId, String invoiceId, CreditNoteStatus status) {
}
