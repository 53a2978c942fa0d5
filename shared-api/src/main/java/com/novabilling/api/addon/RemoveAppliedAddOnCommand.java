package com.novabilling.api.addon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveAppliedAddOnCommand(@TargetAggregateIdentifier String appliedAddOnId) {
}
