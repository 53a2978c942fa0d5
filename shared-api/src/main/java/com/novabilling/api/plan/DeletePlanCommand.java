package com.novabilling.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeletePlanCommand(@TargetAggregateIdentifier String planId) {
}
