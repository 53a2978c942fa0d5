package com.novabilling.api.creditnote;

/** A credit note's lifecycle: {@code DRAFT → FINALIZED → VOIDED} (a draft may also be voided). */
public enum CreditNoteStatus {
    DRAFT, FINALIZED, VOIDED
}
