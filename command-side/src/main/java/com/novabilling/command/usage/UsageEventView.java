package com.novabilling.command.usage;

import java.time.Instant;
import java.util.Map;

/**
 * A stored usage event. {@code late}: its timestamp lies in a period of the subscription already closed when it
 * arrived (invoicing re-rates it); {@code createdAt}: when it was received.
 */
public record UsageEventView(String id, String transactionId, String subscriptionId, String code, Instant timestamp,
                             Map<String, Object> properties, boolean late, Instant createdAt) {
}
