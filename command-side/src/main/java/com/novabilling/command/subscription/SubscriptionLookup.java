package com.novabilling.command.subscription;

import java.util.Optional;

/**
 * What other features need to know about the tenant's subscriptions: whether one exists and whose it is. Must see
 * every committed subscription change (a lookup table kept by a {@code @SameTransaction} processor, not the read model).
 */
public interface SubscriptionLookup {

    /** The subscription, if it exists in the current tenant. */
    Optional<SubscriptionFacts> find(String subscriptionId);

    /** @param planId the plan the subscription runs on now */
    record SubscriptionFacts(String subscriptionId, String customerId, String planId) {
    }
}
