package com.novabilling.api.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pause an ACTIVE subscription now: no renewal runs until it is resumed. */
public record PauseSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId) {
}
