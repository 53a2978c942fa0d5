package com.novabilling.command.subscription;

import com.novabilling.api.error.ConflictException;
import com.novabilling.command.customer.CustomerLookupTable;
import com.novabilling.command.plan.PlanLookupTable;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The {@link SubscriptionCatalog} over the command side's lookup tables ({@code plan_lookup},
 * {@code plan_price_lookup}, {@code customer_lookup}), read in the command's transaction — never a read model. Each
 * row read is locked FOR SHARE until the command commits, so the plan or customer cannot be deleted meanwhile
 * ({@link SubscriptionDeletionGuard} locks them FOR UPDATE).
 */
@Component
public class LookupSubscriptionCatalog implements SubscriptionCatalog {

    private final PlanLookupTable plans;
    private final CustomerLookupTable customers;

    public LookupSubscriptionCatalog(PlanLookupTable plans, CustomerLookupTable customers) {
        this.plans = plans;
        this.customers = customers;
    }

    @Override
    public Optional<PlanTerms> findPlan(String planId) {
        if (planId == null) {
            return Optional.empty();
        }
        return plans.lockTerms(planId, false).map(row -> {
            if (row.billingInterval() == null) {
                // Only a row the V11_101 backfill found no plan event for; refuse rather than guess an interval.
                throw new ConflictException("planId", "Plan '" + row.code() + "' has no known billing interval; "
                        + "update the plan (PATCH /plans/{id}) before subscribing to it");
            }
            return new PlanTerms(row.planId(), row.code(), row.active(), row.billingInterval(), row.trialDays(),
                    row.prices());
        });
    }

    @Override
    public Optional<CustomerStanding> findCustomer(String customerId) {
        if (customerId == null) {
            return Optional.empty();
        }
        return customers.lock(customerId, false)
                .map(row -> new CustomerStanding(row.customerId(), row.currency(), row.deleted()));
    }
}
