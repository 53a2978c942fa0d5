package com.novabilling.api.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Replace the subscription's metadata; the same metadata again applies no event. */
public record UpdateSubscriptionMetadataCommand(
        @TargetAggregateIdentifier String subscriptionId,
        Map<String, Object> metadata) {
}
