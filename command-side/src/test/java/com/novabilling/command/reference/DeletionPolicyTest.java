package com.novabilling.command.reference;

import com.novabilling.api.error.ConflictException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeletionPolicyTest {

    private static final DeletionGuard NO_OBJECTION = (resource, id) -> Optional.empty();

    @Test
    void withoutGuardsEveryResourceMayBeDeleted() {
        assertThat(DeletionPolicy.allowingEverything().reasonToKeep(GuardedResource.CUSTOMER, "cus_1")).isEmpty();
    }

    @Test
    void guardObjectsOnlyToTheResourceItProtects() {
        DeletionGuard activeSubscriptions = (resource, id) ->
                resource == GuardedResource.CUSTOMER && id.equals("cus_subscribed")
                        ? Optional.of("Customer has active subscriptions") : Optional.empty();
        DeletionPolicy policy = new DeletionPolicy(List.of(NO_OBJECTION, activeSubscriptions));

        assertThat(policy.reasonToKeep(GuardedResource.CUSTOMER, "cus_subscribed")).contains("Customer has active subscriptions");
        assertThat(policy.reasonToKeep(GuardedResource.CUSTOMER, "cus_free")).isEmpty();
        assertThat(policy.reasonToKeep(GuardedResource.PLAN, "cus_subscribed")).isEmpty();
    }

    @Test
    void firstObjectingGuardGivesTheReasonAsAConflict() {
        DeletionPolicy policy = new DeletionPolicy(List.of(
                NO_OBJECTION,
                (resource, id) -> Optional.of("Customer has open invoices"),
                (resource, id) -> Optional.of("Customer has active subscriptions")));

        assertThat(policy.reasonToKeep(GuardedResource.CUSTOMER, "cus_1")).contains("Customer has open invoices");
        assertThatThrownBy(() -> policy.requireDeletable(GuardedResource.CUSTOMER, "cus_1"))
                .isInstanceOf(ConflictException.class).hasMessage("Customer has open invoices");
    }
}
