package com.novabilling.api.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel NOW, or at the end of the current period (PERIOD_END; again while scheduled changes nothing). */
public record CancelSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, CancelTiming timing) {
}
