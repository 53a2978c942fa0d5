package com.novabilling.command.creditnote;

import com.novabilling.api.id.IdPrefix;

import java.time.Instant;

/** The ids of credit notes that exist once per fact, derived from it ({@link IdPrefix#derivedId}). */
public final class CreditNoteIds {

    private CreditNoteIds() {
    }

    /** The ORDER_CHANGE credit note of a subscription's plan change or cancellation at an instant: one per change. */
    public static String forChange(String subscriptionId, Instant changedAt) {
        return IdPrefix.CREDIT_NOTE.derivedId(subscriptionId + "@" + changedAt);
    }

    /**
     * The credit note of a late-usage decrease (docs/billing-rules.md §16), derived from the adjustment: one per
     * decrease.
     */
    public static String forLateUsageAdjustment(String adjustmentId) {
        return IdPrefix.CREDIT_NOTE.derivedId("late-usage/" + adjustmentId);
    }
}
