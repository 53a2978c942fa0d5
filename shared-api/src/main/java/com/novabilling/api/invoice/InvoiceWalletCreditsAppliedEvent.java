package com.novabilling.api.invoice;

import java.util.List;

/**
 * As the invoice finalized, the customer's wallets paid part or all of what remained after credit notes
 * (docs/billing-rules.md §13.2 step 5, §15): one WALLET line per wallet (its id as the line's {@code sourceId}, a
 * negative amount), and the totals afterwards. Applied just before {@link InvoiceFinalizedEvent}, whose totals equal
 * these; each wallet records the matching INVOICED transaction in the same transaction.
 */
public record InvoiceWalletCreditsAppliedEvent(String invoiceId, String customerId, List<InvoiceLine> walletLines,
                                               InvoiceTotals totals) {

    public InvoiceWalletCreditsAppliedEvent {
        walletLines = walletLines == null ? List.of() : List.copyOf(walletLines);
    }
}
