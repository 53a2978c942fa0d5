package com.novabilling.api.metric;

/**
 * Rounding of the aggregated units before pricing: {@code ROUND} (half up), {@code CEIL} or {@code FLOOR} to
 * {@code digits} decimal places.
 */
public record BillableMetricRounding(Mode mode, Integer digits) {

    public enum Mode {
        ROUND, CEIL, FLOOR
    }
}
