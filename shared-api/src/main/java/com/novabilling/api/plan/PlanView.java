package com.novabilling.api.plan;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;
import java.util.List;

/** {@code details} normalized: billed IN_ADVANCE unless the plan says otherwise, trialDays and active never null. */
public record PlanView(String id, @JsonUnwrapped PlanDetails details, List<PlanPriceView> prices, Instant createdAt,
                       Instant updatedAt) {
}
