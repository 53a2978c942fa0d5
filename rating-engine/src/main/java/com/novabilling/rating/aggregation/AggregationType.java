package com.novabilling.rating.aggregation;

/** How a billable metric turns the events of a window into units (docs/billing-rules.md §2). */
public enum AggregationType {
    COUNT, SUM, MAX, UNIQUE_COUNT, LATEST, WEIGHTED_SUM;

    /**
     * Whether the value may carry across periods (docs/billing-rules.md §3): only SUM, UNIQUE_COUNT and WEIGHTED_SUM.
     */
    public boolean supportsRecurring() {
        return this == SUM || this == UNIQUE_COUNT || this == WEIGHTED_SUM;
    }

    /**
     * Whether charges of the metric may bill IN_ADVANCE, on ingestion (docs/billing-rules.md §4.2): only COUNT, SUM and
     * UNIQUE_COUNT.
     */
    public boolean billableInAdvance() {
        return this == COUNT || this == SUM || this == UNIQUE_COUNT;
    }

    public boolean needsField() {
        return this != COUNT;
    }
}
