package com.novabilling.api.subscription;

/**
 * Answered with a {@code PageResult<SubscriptionView>}. {@code page} is 1-based; the filters are nullable and
 * combine (AND).
 */
public record ListSubscriptionsQuery(int page, int limit, SubscriptionStatus status, String planId,
                                     String customerId) {
}
