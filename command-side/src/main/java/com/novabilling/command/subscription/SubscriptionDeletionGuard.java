package com.novabilling.command.subscription;

import com.novabilling.command.customer.CustomerLookupTable;
import com.novabilling.command.plan.PlanLookupTable;
import com.novabilling.command.reference.DeletionGuard;
import com.novabilling.command.reference.GuardedResource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Subscriptions keep what they are on (docs/billing-rules.md §10): a plan any subscription is on or will move to,
 * canceled ones included (their periods are billed on it), and a customer with a live (not CANCELED) subscription.
 * Runs in the delete command's transaction and first locks the resource's lookup row FOR UPDATE; subscribing locks
 * the same rows FOR SHARE ({@link LookupSubscriptionCatalog}), so a deletion and a concurrent subscription cannot
 * both succeed: the later one waits for the earlier to commit and then sees it.
 */
@Component
public class SubscriptionDeletionGuard implements DeletionGuard {

    private static final int NAMED = 5;

    private final SubscriptionLookupTable subscriptions;
    private final CustomerLookupTable customers;
    private final PlanLookupTable plans;

    public SubscriptionDeletionGuard(SubscriptionLookupTable subscriptions, CustomerLookupTable customers,
                                     PlanLookupTable plans) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.plans = plans;
    }

    @Override
    public Optional<String> reasonToKeep(GuardedResource resource, String id) {
        if (resource == GuardedResource.CUSTOMER) {
            customers.lock(id, true);
            List<String> live = subscriptions.liveSubscriptionsOf(id, NAMED + 1);
            if (live.isEmpty()) {
                return Optional.empty();
            }
            String named = String.join(", ", live.subList(0, Math.min(NAMED, live.size())))
                    + (live.size() > NAMED ? ", …" : "");
            return Optional.of("Customer has live subscriptions " + named
                    + "; cancel them first (POST /subscriptions/{id}/cancel)");
        }
        if (resource == GuardedResource.PLAN) {
            plans.lockTerms(id, true);
            long count = subscriptions.subscriptionsOnPlan(id);
            if (count == 0) {
                return Optional.empty();
            }
            return Optional.of("Plan is used by " + count + (count == 1 ? " subscription" : " subscriptions")
                    + "; a plan with subscriptions cannot be deleted (deactivate it instead)");
        }
        return Optional.empty();
    }
}
