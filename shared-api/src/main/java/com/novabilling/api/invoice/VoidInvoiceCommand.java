package com.novabilling.api.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Void a DRAFT or an unpaid FINALIZED invoice (a finalized one keeps its number). */
public record VoidInvoiceCommand(@TargetAggregateIdentifier String invoiceId) {
}
