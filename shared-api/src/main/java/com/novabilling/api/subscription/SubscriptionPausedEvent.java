package com.novabilling.api.subscription;

import java.time.Instant;

/** Paused at {@code pausedAt} within the period {@code [currentPeriodStart, currentPeriodEnd)}; no money moves. */
public record SubscriptionPausedEvent(
        String subscriptionId,
        Instant pausedAt,
        Instant currentPeriodStart,
        Instant currentPeriodEnd) {
}
