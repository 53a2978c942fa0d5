package com.novabilling.api.lateusage;

/** A pending NEXT_INVOICE adjustment was billed on {@code invoiceId} (docs/billing-rules.md §16). */
public record LateUsageAdjustmentBilledEvent(String reRatingId, String adjustmentId, String subscriptionId,
                                             String invoiceId) {
}
