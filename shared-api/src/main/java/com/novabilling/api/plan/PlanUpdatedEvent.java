package com.novabilling.api.plan;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The plan's complete details after the change (prices change through their own events), stored flat. */
public record PlanUpdatedEvent(String planId, @JsonUnwrapped PlanDetails details) {
}
