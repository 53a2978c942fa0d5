package com.novabilling.query.subscription;

import com.novabilling.api.subscription.SubscriptionCustomerSummary;
import com.novabilling.api.subscription.SubscriptionPlanSummary;
import com.novabilling.query.customer.CustomerRepository;
import com.novabilling.query.plan.PlanRepository;
import org.springframework.stereotype.Component;

/**
 * The plan and customer a subscription embeds ({@code GET /subscriptions/{id}}), read from their read models. Kept
 * apart from {@link SubscriptionProjection} so that the projection shares no repository with the customer and plan
 * query handlers (read-your-writes would otherwise make their queries wait for the subscriptions group too). A
 * deleted customer (all its subscriptions canceled) is embedded as null.
 */
@Component
public class SubscriptionSummaries {

    private final PlanRepository plans;
    private final CustomerRepository customers;

    public SubscriptionSummaries(PlanRepository plans, CustomerRepository customers) {
        this.plans = plans;
        this.customers = customers;
    }

    SubscriptionPlanSummary planOf(SubscriptionEntity subscription) {
        return plans.findById(subscription.planId())
                .map(plan -> plan.toView().details())
                .map(plan -> subscription.planSummary(plan.code(), plan.name()))
                .orElseGet(() -> subscription.planSummary(null, null));
    }

    SubscriptionCustomerSummary customerOf(SubscriptionEntity subscription) {
        return customers.findById(subscription.customerId())
                .map(customer -> customer.toView())
                .map(customer -> new SubscriptionCustomerSummary(customer.id(), customer.details().externalId(),
                        customer.details().name(), customer.details().email()))
                .orElse(null);
    }
}
