package com.novabilling.api.addon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that an invoice billed a pending applied add-on (docs/billing-rules.md §13.1). Sent by invoicing only;
 * repeating it for the same invoice changes nothing.
 */
public record MarkAppliedAddOnInvoicedCommand(@TargetAggregateIdentifier String appliedAddOnId, String invoiceId) {
}
