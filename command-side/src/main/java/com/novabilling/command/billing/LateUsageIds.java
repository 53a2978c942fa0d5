package com.novabilling.command.billing;

import com.novabilling.api.id.ResourceIds;

/**
 * Ids of late-usage re-ratings (docs/billing-rules.md §16), all derived: one re-rating record per finalized invoice's
 * window ({@code lur_}), and its adjustments numbered 1, 2… ({@code lua_}), so concurrent or repeated triggers address
 * the same aggregate and the same adjustment.
 */
public final class LateUsageIds {

    private LateUsageIds() {
    }

    /** The re-rating record of the usage window billed by {@code originalInvoiceId}. */
    public static String reRatingOf(String originalInvoiceId) {
        return ResourceIds.derivedId("lur_", originalInvoiceId);
    }

    /** The {@code number}th adjustment of a re-rating record. */
    public static String adjustment(String reRatingId, int number) {
        return ResourceIds.derivedId("lua_", reRatingId + "#" + number);
    }
}
