package com.novabilling.api.creditnote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Change a DRAFT credit note; a null field keeps its value. */
public record UpdateCreditNoteCommand(@TargetAggregateIdentifier String creditNoteId, CreditNoteType type,
                                      CreditNoteReason reason, String description, List<CreditNoteItem> items) {
}
