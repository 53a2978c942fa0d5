package com.novabilling.api.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Perform every transition due up to {@code upTo} (null: the tenant clock's now), in order: trial end, period
 * closes, a scheduled cancellation, a pending plan change. Idempotent: sent again, or with an earlier instant, it
 * applies no event. {@code upTo} after the tenant clock's now is refused (400 naming {@code upTo}).
 */
public record AdvanceSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, Instant upTo) {
}
