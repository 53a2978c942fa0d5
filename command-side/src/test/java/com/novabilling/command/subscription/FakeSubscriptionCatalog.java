package com.novabilling.command.subscription;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory stand-in for the plan and customer facts a subscription reads. */
class FakeSubscriptionCatalog implements SubscriptionCatalog {

    private final Map<String, PlanTerms> plans = new HashMap<>();
    private final Map<String, CustomerStanding> customers = new HashMap<>();

    FakeSubscriptionCatalog withPlan(PlanTerms plan) {
        plans.put(plan.planId(), plan);
        return this;
    }

    FakeSubscriptionCatalog withCustomer(CustomerStanding customer) {
        customers.put(customer.customerId(), customer);
        return this;
    }

    @Override
    public Optional<PlanTerms> findPlan(String planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    @Override
    public Optional<CustomerStanding> findCustomer(String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }
}
