package com.novabilling.api.subscription;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;

import java.time.Instant;

/**
 * The trial {@code [trialStart, trialEnd)} ended and the subscription is ACTIVE: its first billing period
 * {@code [currentPeriodStart, currentPeriodEnd)} starts at {@code trialEnd} on the plan and price given, its
 * boundaries from {@code anchor} (docs/billing-rules.md §10).
 */
public record SubscriptionTrialEndedEvent(
        String subscriptionId,
        Instant trialStart,
        Instant trialEnd,
        String planId,
        BillingInterval billingInterval,
        CurrencyCode currency,
        Money price,
        Instant anchor,
        Instant currentPeriodStart,
        Instant currentPeriodEnd) {
}
