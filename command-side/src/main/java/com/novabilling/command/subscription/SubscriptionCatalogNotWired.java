package com.novabilling.command.subscription;

import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Stands in for the {@link SubscriptionCatalog} until the lookup tables carry what a subscription needs (a plan's
 * interval, trial days and price amounts; whether a customer was deleted): the aggregate's handlers must be able to
 * resolve the parameter for the application to start. No route sends a subscription command yet; if one is sent,
 * it fails loudly instead of subscribing on guessed facts. Replaced by the implementation over lookup tables.
 */
@Component
public class SubscriptionCatalogNotWired implements SubscriptionCatalog {

    @Override
    public Optional<PlanTerms> findPlan(String planId) {
        throw notWired();
    }

    @Override
    public Optional<CustomerStanding> findCustomer(String customerId) {
        throw notWired();
    }

    private static UnsupportedOperationException notWired() {
        return new UnsupportedOperationException("the subscription catalog is not wired to the lookup tables yet");
    }
}
