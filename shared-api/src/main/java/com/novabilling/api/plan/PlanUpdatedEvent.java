package com.novabilling.api.plan;

import java.util.List;
import java.util.Map;

/** The plan's descriptive fields after the update (prices change through their own events). */
public record PlanUpdatedEvent(
        String planId,
        String name,
        String code,
        String description,
        BillingInterval billingInterval,
        List<String> features,
        int trialDays,
        boolean active,
        Map<String, Object> metadata) {
}
