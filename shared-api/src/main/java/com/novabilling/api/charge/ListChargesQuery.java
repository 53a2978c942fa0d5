package com.novabilling.api.charge;

/**
 * Answered with a {@code PageResult<ChargeView>}, oldest first (the order charges were added to their plans).
 * {@code planId} and {@code billableMetricId} (both nullable) narrow the list.
 */
public record ListChargesQuery(int page, int limit, String planId, String billableMetricId) {
}
