package com.novabilling.command.subscription;

import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The subscription lookup until subscriptions exist: it finds none, so a request naming a subscription is answered
 * 404. Replaced by the subscription feature's lookup table when subscriptions exist.
 */
@Component
public class NoSubscriptionsYet implements SubscriptionLookup {

    @Override
    public Optional<SubscriptionFacts> find(String subscriptionId) {
        return Optional.empty();
    }
}
