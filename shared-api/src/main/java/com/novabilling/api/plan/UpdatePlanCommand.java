package com.novabilling.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** A partial update: every {@code null} field keeps its current value. */
public record UpdatePlanCommand(
        @TargetAggregateIdentifier String planId,
        String name,
        String code,
        String description,
        BillingInterval billingInterval,
        List<String> features,
        Integer trialDays,
        Boolean active,
        Map<String, Object> metadata) {
}
