package com.novabilling.rating;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One usage event. Property values are {@link String}s or numbers; a {@code null} value counts as absent.
 *
 * @param ingestionOrder position in which the event was received; breaks timestamp ties (LATEST, PERCENTAGE)
 */
public record UsageEvent(String transactionId, Instant timestamp, long ingestionOrder, Map<String, Object> properties) {
    public UsageEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Map<String, Object> copy = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((key, value) -> {
                if (value != null) {
                    copy.put(key, value);
                }
            });
        }
        properties = Collections.unmodifiableMap(copy);
    }

    public boolean has(String property) {
        return properties.containsKey(property);
    }

    public Object property(String property) {
        return properties.get(property);
    }
}
