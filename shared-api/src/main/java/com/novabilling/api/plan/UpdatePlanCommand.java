package com.novabilling.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partial update: see {@link PlanDetails#with}. */
public record UpdatePlanCommand(@TargetAggregateIdentifier String planId, PlanDetails changes) {
}
