package com.novabilling.api.creditnote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Void a draft, or a finalized CREDIT note of which no credit was consumed; its amount is released on the invoice. */
public record VoidCreditNoteCommand(@TargetAggregateIdentifier String creditNoteId) {
}
