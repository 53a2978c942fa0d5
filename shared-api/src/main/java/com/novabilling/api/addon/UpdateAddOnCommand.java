package com.novabilling.api.addon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partial update: see {@link AddOnDetails#with}. */
public record UpdateAddOnCommand(@TargetAggregateIdentifier String addOnId, AddOnDetails changes) {
}
