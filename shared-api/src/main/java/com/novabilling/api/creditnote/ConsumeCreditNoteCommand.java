package com.novabilling.api.creditnote;

import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A later invoice of the customer consumes {@code amount} of a finalized CREDIT note's remaining credit
 * (docs/billing-rules.md §13.2 step 4). At most once per consuming invoice: repeating it with the same amount changes
 * nothing; more than the remaining credit is refused.
 *
 * @param invoiceId the invoice that consumes the credit (not the one the note was issued against)
 */
public record ConsumeCreditNoteCommand(@TargetAggregateIdentifier String creditNoteId, String invoiceId,
                                       Money amount) {
}
