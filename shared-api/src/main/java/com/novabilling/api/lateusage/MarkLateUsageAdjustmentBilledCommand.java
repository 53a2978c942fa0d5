package com.novabilling.api.lateusage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The subscription's next recurring invoice billed a pending NEXT_INVOICE adjustment (docs/billing-rules.md §16). The
 * same invoice again changes nothing; another invoice is a conflict: an adjustment is billed once.
 */
public record MarkLateUsageAdjustmentBilledCommand(@TargetAggregateIdentifier String reRatingId, String adjustmentId,
                                                   String invoiceId) {
}
