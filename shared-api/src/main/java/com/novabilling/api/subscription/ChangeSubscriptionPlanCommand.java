package com.novabilling.api.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move the subscription to another plan. {@code timing} null means by the rule (docs/billing-rules.md §10): an
 * upgrade IMMEDIATE, a downgrade at PERIOD_END. While TRIALING every change applies at once.
 */
public record ChangeSubscriptionPlanCommand(
        @TargetAggregateIdentifier String subscriptionId,
        String newPlanId,
        PlanChangeTiming timing) {
}
