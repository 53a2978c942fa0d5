package com.novabilling.api.subscription;

import java.time.Instant;

/**
 * Resumed after {@code pausedSeconds} = {@code resumedAt − pausedAt}: the current period now ends at
 * {@code currentPeriodEnd} (its earlier end plus the paused seconds) and every later boundary moves by as much
 * (docs/billing-rules.md §10, §12). {@code anchorShiftSeconds}: all the seconds this subscription's schedule has
 * been paused since its anchor was set; {@code periodPausedSeconds}: those of the current period. No money moves.
 */
public record SubscriptionResumedEvent(
        String subscriptionId,
        Instant pausedAt,
        Instant resumedAt,
        long pausedSeconds,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        long anchorShiftSeconds,
        long periodPausedSeconds) {
}
