package com.novabilling.app.ledger;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.money.CurrencyCode;

import java.util.List;

/**
 * An invoice as one source has it (the read model, or the fold of its events), with its totals as raw minor units:
 * a corrupted row must be readable, so nothing here checks the identities {@code InvoiceTotals} enforces.
 */
record InvoiceSnapshot(String id, InvoiceStatus status, String invoiceNumber, Long sequenceNumber,
                       CurrencyCode currency, String customerId, String subscriptionId, List<InvoiceLine> lines,
                       Totals totals) {

    InvoiceSnapshot {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The eight totals of docs/billing-rules.md §6.2, in minor units. */
    record Totals(long subtotal, long discount, long tax, long total, long creditNotes, long wallet, long paid,
                  long due) {

        static Totals of(com.novabilling.api.invoice.InvoiceTotals totals) {
            return new Totals(totals.subtotal().minor(), totals.discountAmount().minor(), totals.taxAmount().minor(),
                    totals.total().minor(), totals.creditNotesAmount().minor(), totals.walletAmount().minor(),
                    totals.amountPaid().minor(), totals.amountDue().minor());
        }
    }
}
