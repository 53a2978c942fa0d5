package com.novabilling.command.subscription;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;

import java.util.List;
import java.util.Optional;

/**
 * The plan and customer facts a subscription decides on when it is created or changes plan, read in the command's
 * transaction (lookup tables, never a read model). The subscription captures what it needs in its events, so later
 * changes to the plan or customer do not reach it.
 */
public interface SubscriptionCatalog {

    /** The plan, if it exists (and is not deleted) in the current tenant. */
    Optional<PlanTerms> findPlan(String planId);

    /** The customer, if it exists in the current tenant — a deleted one too, answered with {@code deleted}. */
    Optional<CustomerStanding> findCustomer(String customerId);

    /** @param prices the plan's fee per interval, one per currency, in the order the prices were added */
    record PlanTerms(String planId, String code, boolean active, BillingInterval billingInterval, int trialDays,
                     List<Money> prices) {
        public PlanTerms {
            prices = List.copyOf(prices);
        }

        public Optional<Money> priceIn(CurrencyCode currency) {
            return prices.stream().filter(price -> price.currency() == currency).findFirst();
        }

        public List<CurrencyCode> currencies() {
            return prices.stream().map(Money::currency).toList();
        }
    }

    /** @param currency the customer's billing currency, or {@code null} when none was set */
    record CustomerStanding(String customerId, CurrencyCode currency, boolean deleted) {
    }
}
