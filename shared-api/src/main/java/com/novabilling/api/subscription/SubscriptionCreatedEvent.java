package com.novabilling.api.subscription;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;

import java.time.Instant;
import java.util.Map;

/**
 * A subscription began (docs/billing-rules.md §10). {@code price} is the plan's fee per interval in
 * {@code currency}, captured now: later changes to the plan's prices do not reach this subscription.
 * TRIALING: the current period is the trial {@code [trialStart, trialEnd)} and {@code anchor} is null (billing
 * periods start at the trial's end, {@link SubscriptionTrialEndedEvent}). ACTIVE: {@code trialStart}/{@code trialEnd}
 * are null and the current period is the first billing period from {@code anchor}.
 */
public record SubscriptionCreatedEvent(
        String subscriptionId,
        String customerId,
        String planId,
        BillingInterval billingInterval,
        CurrencyCode currency,
        Money price,
        SubscriptionStatus status,
        BillingAnchor billingAnchor,
        String timeZone,
        Instant startedAt,
        Instant trialStart,
        Instant trialEnd,
        Instant anchor,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        Map<String, Object> metadata) {
}
