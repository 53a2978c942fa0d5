package com.novabilling.api.creditnote;

import java.time.Instant;

/**
 * The credit note was voided at {@code voidedAt}; its amount no longer counts against its invoice's total and none of
 * its credit is available any more.
 *
 * @param previousStatus   DRAFT or FINALIZED
 * @param creditNoteNumber the number it keeps (null for a voided draft)
 */
public record CreditNoteVoidedEvent(String creditNoteId, String invoiceId, String customerId,
                                    CreditNoteStatus previousStatus, String creditNoteNumber, Instant voidedAt) {
}
