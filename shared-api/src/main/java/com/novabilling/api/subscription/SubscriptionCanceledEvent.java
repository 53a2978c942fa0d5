package com.novabilling.api.subscription;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.time.Instant;

/**
 * The subscription ended at {@code canceledAt}, final (docs/billing-rules.md §10, §12). {@code timing} NOW cuts
 * the period {@code [periodStart, periodEnd)}: {@code secondsUsed} + {@code secondsRemaining} = {@code periodSeconds},
 * paused seconds excluded (a subscription canceled while PAUSED used its period up to the pause). PERIOD_END
 * follows the {@link SubscriptionPeriodClosedEvent} of that period, with nothing remaining.
 * {@code previousStatus} TRIALING means the period was the trial, which bills nothing.
 */
public record SubscriptionCanceledEvent(
        String subscriptionId,
        CancelTiming timing,
        SubscriptionStatus previousStatus,
        Instant canceledAt,
        String planId,
        CurrencyCode currency,
        Money price,
        Instant periodStart,
        Instant periodEnd,
        long periodSeconds,
        long secondsUsed,
        long secondsRemaining) {
}
