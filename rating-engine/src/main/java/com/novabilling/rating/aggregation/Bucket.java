package com.novabilling.rating.aggregation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A group of events priced together: the events of one charge filter, or the default bucket ({@code values}
 * empty) for events no filter matches.
 */
public record Bucket(Map<String, List<String>> values) {
    public static final String DEFAULT_LABEL = "default";
    public static final Bucket DEFAULT = new Bucket(Map.of());

    public Bucket {
        Map<String, List<String>> sorted = new TreeMap<>();
        values.forEach((key, list) -> sorted.put(key, list.stream().sorted().toList()));
        values = Collections.unmodifiableMap(sorted);
    }

    public static Bucket of(Map<String, List<String>> values) {
        return new Bucket(values);
    }

    public boolean isDefault() {
        return values.isEmpty();
    }

    /** Stable name of the bucket, e.g. {@code region=[eu], tier=[gold]} or {@code default}. */
    public String label() {
        if (isDefault()) {
            return DEFAULT_LABEL;
        }
        return values.entrySet().stream()
                .map(entry -> entry.getKey() + "=[" + String.join(",", entry.getValue()) + "]")
                .collect(Collectors.joining(", "));
    }
}
