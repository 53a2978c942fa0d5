package com.novabilling.command.invoice;

import com.novabilling.api.id.IdPrefix;

import java.time.Instant;

/** The ids of invoices that exist once per fact, derived from it ({@link IdPrefix#derivedId}). */
public final class InvoiceIds {

    private InvoiceIds() {
    }

    /**
     * The id of a subscription's invoice at a boundary (or plan-change) instant, derived from the pair: every
     * trigger for the same boundary addresses the same invoice and only the first creates it
     * (docs/billing-rules.md §13.1, pitfall 2).
     */
    public static String atBoundary(String subscriptionId, Instant boundary) {
        return IdPrefix.INVOICE.derivedId(subscriptionId + "@" + boundary);
    }

    /**
     * The id of the credit-purchase invoice of a wallet's PURCHASED transaction, derived from the transaction: whoever
     * creates that invoice creates it once, and its paid or voided events lead back to the purchase.
     */
    public static String forWalletPurchase(String transactionId) {
        return IdPrefix.INVOICE.derivedId("wallet-purchase/" + transactionId);
    }

    /**
     * The adjustment invoice of a late-usage adjustment (docs/billing-rules.md §16), derived from the adjustment: a
     * repeated or concurrent re-rating creates it once.
     */
    public static String forLateUsageAdjustment(String adjustmentId) {
        return IdPrefix.INVOICE.derivedId("late-usage/" + adjustmentId);
    }
}
