package com.novabilling.api.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel NOW (also when {@code timing} is null), or at the end of the current period (PERIOD_END; asked again while
 * scheduled, nothing changes).
 */
public record CancelSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, CancelTiming timing) {
}
