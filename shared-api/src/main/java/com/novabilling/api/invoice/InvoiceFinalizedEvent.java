package com.novabilling.api.invoice;

import com.novabilling.api.money.CurrencyCode;

import java.time.Instant;

/**
 * A DRAFT invoice was finalized at {@code issuedAt}: it was given the tenant's next invoice number (gap-free,
 * docs/billing-rules.md §6.4) and its due date; its lines no longer change.
 *
 * @param invoiceNumber        the number shown, {@code INV-000001}
 * @param sequenceNumber       the position in the tenant's invoice sequence (1 for {@code INV-000001})
 * @param dueDate              the due date given at creation, else {@code issuedAt} + {@code netPaymentTermsDays}
 * @param netPaymentTermsDays  the net payment terms applied (null when the due date was given at creation)
 * @param totals               the totals as finalized (what PDFs, e-mails and payments read)
 */
public record InvoiceFinalizedEvent(
        String invoiceId,
        String customerId,
        String subscriptionId,
        CurrencyCode currency,
        String invoiceNumber,
        long sequenceNumber,
        Instant issuedAt,
        Instant dueDate,
        Integer netPaymentTermsDays,
        InvoiceTotals totals) {
}
