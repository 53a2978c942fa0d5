package com.novabilling.api.invoice;

import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A credit note of the invoice (created or changed while DRAFT) asks for {@code amount} of the invoice's total
 * (docs/billing-rules.md §14: the live credit notes of an invoice add up to at most its total). The invoice refuses
 * with a 409 when it is not FINALIZED or PAID, when the credit notes would exceed its total, or, for an OFFSET note,
 * when it is not an unpaid FINALIZED invoice with that much due. Repeating it for the same credit note replaces that
 * note's allocation; the same amount changes nothing.
 *
 * @param customerId the customer the credit note is for (must be the invoice's)
 * @param amount     the credit note's whole amount, in the invoice's currency
 * @param offset     whether the note is an OFFSET (lowers this invoice's amount due when finalized)
 */
public record AllocateInvoiceCreditCommand(@TargetAggregateIdentifier String invoiceId, String creditNoteId,
                                           String customerId, Money amount, boolean offset) {
}
