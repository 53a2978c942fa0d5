package com.novabilling.rating;

/** How a billable metric turns the events of a window into units (billing-semantics §2). */
public enum AggregationType {
    COUNT, SUM, MAX, UNIQUE_COUNT, LATEST, WEIGHTED_SUM;

    /** Whether the value may carry across periods (§3): only SUM, UNIQUE_COUNT and WEIGHTED_SUM. */
    public boolean supportsRecurring() {
        return this == SUM || this == UNIQUE_COUNT || this == WEIGHTED_SUM;
    }

    public boolean needsField() {
        return this != COUNT;
    }
}
