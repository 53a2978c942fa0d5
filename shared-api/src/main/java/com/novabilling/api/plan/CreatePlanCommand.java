package com.novabilling.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** {@code prices} in the order given; their ids are assigned by the caller. */
public record CreatePlanCommand(
        @TargetAggregateIdentifier String planId,
        String name,
        String code,
        String description,
        BillingInterval billingInterval,
        List<String> features,
        Integer trialDays,
        Boolean active,
        Map<String, Object> metadata,
        List<PlanPrice> prices) {
}
