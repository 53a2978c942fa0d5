package com.novabilling.api.subscription;

import java.time.Instant;

/**
 * The subscription will be canceled at the end of its current period, {@code cancelAt} (the trial's end while
 * TRIALING; while PAUSED the end moves when it is resumed). A pending plan change, if there was one
 * ({@code droppedPendingPlanId}), is dropped.
 */
public record SubscriptionCancellationScheduledEvent(
        String subscriptionId,
        Instant requestedAt,
        Instant cancelAt,
        String droppedPendingPlanId) {
}
