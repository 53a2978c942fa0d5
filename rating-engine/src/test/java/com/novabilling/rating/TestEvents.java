package com.novabilling.rating;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds usage events for tests; ingestion order follows creation order. */
public final class TestEvents {
    private static final AtomicLong INGESTION = new AtomicLong();

    private TestEvents() {
    }

    public static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    /** {@code event("2026-03-05T00:00:00Z", "gb", 10, "region", "eu")}. */
    public static UsageEvent event(String isoInstant, Object... keyValues) {
        return event(Instant.parse(isoInstant), keyValues);
    }

    public static UsageEvent event(Instant timestamp, Object... keyValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        long order = INGESTION.incrementAndGet();
        return new UsageEvent("txn-" + order, timestamp, order, properties);
    }
}
