package com.novabilling.api.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Resume a PAUSED subscription now: its period end and later boundaries move by the paused seconds. */
public record ResumeSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId) {
}
