package com.novabilling.api.subscription;

/** Answered with a {@link SubscriptionView} embedding plan and customer, or NotFoundException. */
public record FindSubscriptionQuery(String subscriptionId) {
}
