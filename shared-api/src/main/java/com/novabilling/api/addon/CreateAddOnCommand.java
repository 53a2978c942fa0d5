package com.novabilling.api.addon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code prices}: one amount per currency, in the order given. */
public record CreateAddOnCommand(@TargetAggregateIdentifier String addOnId, AddOnDetails details) {
}
