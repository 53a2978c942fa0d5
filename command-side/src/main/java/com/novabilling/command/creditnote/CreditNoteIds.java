package com.novabilling.command.creditnote;

import java.time.Instant;
import com.novabilling.api.id.ResourceIds;

/** Credit note ids look like {@code cn_} followed by 24 random lower-case hex digits. */
public final class CreditNoteIds {

    static final String PREFIX = "cn_";

    private CreditNoteIds() {
    }

    public static String newId() {
        return ResourceIds.newId(PREFIX);
    }

    /** The ORDER_CHANGE credit note of a subscription's plan change or cancellation at an instant: one per change. */
    public static String forChange(String subscriptionId, Instant changedAt) {
        return ResourceIds.derivedId(PREFIX, subscriptionId + "@" + changedAt);
    }

    /** The credit note of a late-usage decrease (docs/billing-rules.md §16), derived from the adjustment: one per decrease. */
    public static String forLateUsageAdjustment(String adjustmentId) {
        return ResourceIds.derivedId(PREFIX, "late-usage/" + adjustmentId);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a credit note id */
    public static void requireCreditNoteId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Credit note");
    }
}
