package com.novabilling.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** {@code prices} in the order given; their ids are assigned by the caller. */
public record CreatePlanCommand(@TargetAggregateIdentifier String planId, PlanDetails details, List<PlanPrice> prices) {
}
