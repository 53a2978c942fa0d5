package com.novabilling.api.subscription;

import java.time.Instant;

/** A plan change waiting for the end of the period. */
public record PendingPlanChangeView(String planId, PlanChangeKind kind, Instant effectiveAt) {
}
