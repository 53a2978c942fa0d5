package com.novabilling.api.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record PlanView(
        String id,
        String name,
        String code,
        String description,
        BillingInterval billingInterval,
        List<String> features,
        int trialDays,
        boolean active,
        Map<String, Object> metadata,
        List<PlanPriceView> prices,
        Instant createdAt,
        Instant updatedAt) {
}
