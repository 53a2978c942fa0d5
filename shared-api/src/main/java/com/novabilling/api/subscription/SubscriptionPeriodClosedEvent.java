package com.novabilling.api.subscription;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;

import java.time.Instant;

/**
 * The billing period {@code [periodStart, periodEnd)} is over; applied exactly once per period
 * (docs/billing-rules.md §10). Invoicing bills it from these recorded facts, never from the subscription's current
 * state:
 * <ul>
 *   <li>{@code planId}, {@code billingInterval}, {@code price}: the plan that ran the period's end, at its captured
 *       price; it applied from {@code planEffectiveFrom} (the period start unless the plan changed within it — the
 *       usage before that instant belongs to the earlier plan, recorded by its
 *       {@link SubscriptionPlanChangedEvent}).</li>
 *   <li>{@code pausedSeconds}: seconds of the period spent paused; the period was stretched by them.</li>
 *   <li>{@code next…}: the period that follows and the plan and price it runs on (a pending change already applied),
 *       for a fee billed in advance; all null when the subscription ends at {@code periodEnd}.</li>
 * </ul>
 */
public record SubscriptionPeriodClosedEvent(
        String subscriptionId,
        Instant periodStart,
        Instant periodEnd,
        String planId,
        BillingInterval billingInterval,
        CurrencyCode currency,
        Money price,
        Instant planEffectiveFrom,
        long pausedSeconds,
        Instant nextPeriodStart,
        Instant nextPeriodEnd,
        String nextPlanId,
        BillingInterval nextBillingInterval,
        Money nextPrice) {

    /** Whether the subscription ends with this period (a cancellation at period end). */
    public boolean finalPeriod() {
        return nextPeriodStart == null;
    }
}
