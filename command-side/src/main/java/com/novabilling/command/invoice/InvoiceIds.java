package com.novabilling.command.invoice;

import com.novabilling.api.id.ResourceIds;

import java.time.Instant;

/** Invoice ids look like {@code inv_} followed by 24 random lower-case hex digits. */
public final class InvoiceIds {

    static final String PREFIX = "inv_";

    private InvoiceIds() {
    }

    public static String newId() {
        return ResourceIds.newId(PREFIX);
    }

    /**
     * The id of a subscription's invoice at a boundary (or plan-change) instant, derived from the pair: every
     * trigger for the same boundary addresses the same invoice and only the first creates it
     * (docs/billing-rules.md §13.1, pitfall 2).
     */
    public static String atBoundary(String subscriptionId, Instant boundary) {
        return ResourceIds.derivedId(PREFIX, subscriptionId + "@" + boundary);
    }

    /**
     * The id of the credit-purchase invoice of a wallet's PURCHASED transaction, derived from the transaction: whoever
     * creates that invoice creates it once, and its paid or voided events lead back to the purchase.
     */
    public static String forWalletPurchase(String transactionId) {
        return ResourceIds.derivedId(PREFIX, "wallet-purchase/" + transactionId);
    }

    /**
     * The adjustment invoice of a late-usage adjustment (docs/billing-rules.md §16), derived from the adjustment: a
     * repeated or concurrent re-rating creates it once.
     */
    public static String forLateUsageAdjustment(String adjustmentId) {
        return ResourceIds.derivedId(PREFIX, "late-usage/" + adjustmentId);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be an invoice id */
    public static void requireInvoiceId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Invoice");
    }
}
