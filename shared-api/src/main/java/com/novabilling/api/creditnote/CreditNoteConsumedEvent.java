package com.novabilling.api.creditnote;

import com.novabilling.api.money.Money;

/**
 * A later invoice consumed part of a CREDIT note's credit (docs/billing-rules.md §13.2 step 4).
 *
 * @param invoiceId the consuming invoice
 * @param remaining the credit left afterwards, carried to later invoices
 */
public record CreditNoteConsumedEvent(String creditNoteId, String customerId, String invoiceId, Money amount,
                                      Money remaining) {
}
