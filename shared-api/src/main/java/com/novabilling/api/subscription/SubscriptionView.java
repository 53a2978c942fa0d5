package com.novabilling.api.subscription;

import com.novabilling.api.money.CurrencyCode;

import java.time.Instant;
import java.util.Map;

/**
 * A subscription as the API answers it (issue 11 item 1). {@code cancelAt} is set while a cancellation at period
 * end is scheduled; {@code plan} and {@code customer} are embedded by {@link FindSubscriptionQuery} only (null in
 * lists).
 */
public record SubscriptionView(
        String id,
        SubscriptionStatus status,
        String customerId,
        String planId,
        CurrencyCode currency,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        Instant trialStart,
        Instant trialEnd,
        Instant cancelAt,
        boolean cancelAtPeriodEnd,
        Instant canceledAt,
        Instant pausedAt,
        PendingPlanChangeView pendingChange,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt,
        SubscriptionPlanSummary plan,
        SubscriptionCustomerSummary customer) {
}
