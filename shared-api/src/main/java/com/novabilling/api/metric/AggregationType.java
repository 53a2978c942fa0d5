package com.novabilling.api.metric;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a billable metric turns usage events into units (docs/billing-rules.md §2). */
public enum AggregationType {
    COUNT, SUM, MAX, UNIQUE_COUNT, LATEST, WEIGHTED_SUM;

    public static final String NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    /** Accepts any letter case ({@code sum}). */
    public static Optional<AggregationType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.name().equals(wanted)).findFirst();
    }
}
