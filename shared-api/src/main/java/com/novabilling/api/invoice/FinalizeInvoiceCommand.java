package com.novabilling.api.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Finalize a DRAFT invoice now: it gets its number and due date and never changes again (credit notes correct it). */
public record FinalizeInvoiceCommand(@TargetAggregateIdentifier String invoiceId) {
}
