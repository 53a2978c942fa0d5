package com.novabilling.api.metric;

/** How a billable metric turns usage events into units (docs/billing-rules.md §2). */
public enum AggregationType {
    COUNT, SUM, MAX, UNIQUE_COUNT, LATEST, WEIGHTED_SUM
}
