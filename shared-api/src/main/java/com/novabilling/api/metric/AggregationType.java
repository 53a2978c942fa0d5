package com.novabilling.api.metric;

import com.novabilling.api.query.EnumNames;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a billable metric turns usage events into units (docs/billing-rules.md §2). */
public enum AggregationType {
    COUNT, SUM, MAX, UNIQUE_COUNT, LATEST, WEIGHTED_SUM;

    public static final String NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    /** Accepts any letter case ({@code sum}). */
    public static Optional<AggregationType> parse(String value) {
        return EnumNames.parse(AggregationType.class, value);
    }
}
