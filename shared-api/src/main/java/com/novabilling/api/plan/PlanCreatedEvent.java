package com.novabilling.api.plan;

import java.util.List;
import java.util.Map;

public record PlanCreatedEvent(
        String planId,
        String name,
        String code,
        String description,
        BillingInterval billingInterval,
        List<String> features,
        int trialDays,
        boolean active,
        Map<String, Object> metadata,
        List<PlanPrice> prices) {
}
