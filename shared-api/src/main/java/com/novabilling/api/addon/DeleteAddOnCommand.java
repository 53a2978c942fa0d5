package com.novabilling.api.addon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteAddOnCommand(@TargetAggregateIdentifier String addOnId) {
}
