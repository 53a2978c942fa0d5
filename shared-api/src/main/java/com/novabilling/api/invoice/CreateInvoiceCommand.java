package com.novabilling.api.invoice;

import com.novabilling.api.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Create a DRAFT invoice whose lines and totals were computed before the command was sent (a one-off invoice's items,
 * or the billing engine's lines of a subscription's period); the invoice checks that the lines add up to the totals
 * and records them (docs/billing-rules.md §6).
 *
 * @param subscriptionId null for a one-off invoice
 * @param periodStart    the period billed (recurring invoices), else null
 * @param periodEnd      its end (exclusive), else null
 * @param dueDate        fixed due date; null: the issue date plus the net payment terms, set at finalization
 * @param finalizeAt     when the draft finalizes by itself (the end of the grace period); null: it stays a draft until
 *                       finalized by a command. The invoice's grace-period saga acts on it
 * @param usageWindow    the usage the invoice bills (a recurring invoice that closes a period), re-rated while it is a
 *                       draft; null for other invoices (and invoices recorded before windows were)
 * @param finalizeAtOnce issue it final in the same command (no grace period): numbered and due as
 *                       {@link FinalizeInvoiceCommand} would, without a second command loading the new invoice
 */
public record CreateInvoiceCommand(
        @TargetAggregateIdentifier String invoiceId,
        String customerId,
        String subscriptionId,
        CurrencyCode currency,
        Instant periodStart,
        Instant periodEnd,
        Instant dueDate,
        String notes,
        Map<String, Object> metadata,
        List<InvoiceLine> lines,
        InvoiceTotals totals,
        Instant finalizeAt,
        InvoiceUsageWindow usageWindow,
        boolean finalizeAtOnce) {
}
