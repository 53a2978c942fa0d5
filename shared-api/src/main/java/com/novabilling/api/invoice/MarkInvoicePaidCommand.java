package com.novabilling.api.invoice;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Record a payment received outside NovaBilling against a FINALIZED invoice.
 *
 * @param amount    in major units of the invoice's currency; null: the whole amount due
 * @param paidAt    when it was received; null: now (the tenant's clock)
 * @param reference the payer's or bank's reference, if any
 */
public record MarkInvoicePaidCommand(@TargetAggregateIdentifier String invoiceId, BigDecimal amount, Instant paidAt,
                                     String reference) {
}
