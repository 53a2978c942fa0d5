package com.novabilling.api.subscription;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;

import java.time.Instant;

/**
 * A change to {@code newPlanId} will apply at {@code effectiveAt}, the end of the current period, replacing any
 * earlier pending change (docs/billing-rules.md §10). The new price is captured now. An immediate change or a
 * cancellation drops it.
 */
public record SubscriptionPlanChangeScheduledEvent(
        String subscriptionId,
        PlanChangeKind kind,
        Instant requestedAt,
        Instant effectiveAt,
        CurrencyCode currency,
        String currentPlanId,
        Money currentPrice,
        String newPlanId,
        BillingInterval newBillingInterval,
        Money newPrice) {
}
