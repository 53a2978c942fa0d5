package com.novabilling.command.customer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerDeletionPolicyTest {

    private static final CustomerDeletionGuard NO_OBJECTION = customerId -> Optional.empty();

    @Test
    void withoutGuardsEveryCustomerMayBeDeleted() {
        assertThat(new CustomerDeletionPolicy(List.of()).reasonToKeep("cus_1")).isEmpty();
    }

    @Test
    void guardObjectsOnlyToTheCustomerItProtects() {
        CustomerDeletionGuard activeSubscriptions = customerId ->
                customerId.equals("cus_subscribed") ? Optional.of("Customer has active subscriptions") : Optional.empty();
        CustomerDeletionPolicy policy = new CustomerDeletionPolicy(List.of(NO_OBJECTION, activeSubscriptions));

        assertThat(policy.reasonToKeep("cus_subscribed")).contains("Customer has active subscriptions");
        assertThat(policy.reasonToKeep("cus_free")).isEmpty();
    }

    @Test
    void firstObjectingGuardGivesTheReason() {
        CustomerDeletionPolicy policy = new CustomerDeletionPolicy(List.of(
                NO_OBJECTION,
                customerId -> Optional.of("Customer has open invoices"),
                customerId -> Optional.of("Customer has active subscriptions")));

        assertThat(policy.reasonToKeep("cus_1")).contains("Customer has open invoices");
    }
}
