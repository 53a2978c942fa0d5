package com.novabilling.api.subscription;

import java.util.Map;

/** The subscription's metadata, replaced; never null. */
public record SubscriptionMetadataUpdatedEvent(String subscriptionId, Map<String, Object> metadata) {
}
