package com.novabilling.api.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A voided credit note gives its allocation back; nothing happens when it has none. */
public record ReleaseInvoiceCreditCommand(@TargetAggregateIdentifier String invoiceId, String creditNoteId) {
}
