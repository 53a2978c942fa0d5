package com.novabilling.api.plan;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** Stored flat, the details' fields beside {@code planId} and {@code prices}, as before they were grouped. */
public record PlanCreatedEvent(String planId, @JsonUnwrapped PlanDetails details, List<PlanPrice> prices) {
}
