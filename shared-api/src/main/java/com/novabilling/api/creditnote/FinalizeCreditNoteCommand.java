package com.novabilling.api.creditnote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issue a DRAFT credit note now: it gets the tenant's next credit-note number ({@code CN-000001}, gap-free); a CREDIT
 * note becomes customer credit, an OFFSET note lowers its invoice's amount due in the same transaction.
 */
public record FinalizeCreditNoteCommand(@TargetAggregateIdentifier String creditNoteId) {
}
