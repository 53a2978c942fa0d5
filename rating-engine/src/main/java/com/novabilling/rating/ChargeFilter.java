package com.novabilling.rating;

import com.novabilling.rating.aggregation.Bucket;
import com.novabilling.rating.aggregation.EventValues;
import com.novabilling.rating.pricing.PricingProperties;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A charge filter (docs/billing-rules.md §4.3): an event matches when, for every key, its property value is one of the
 * listed values. Matching events are priced with {@link #properties()}.
 */
public record ChargeFilter(Map<String, List<String>> values, PricingProperties properties) {
    public ChargeFilter {
        Objects.requireNonNull(properties, "properties");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, list) -> copy.put(key, List.copyOf(list == null ? List.of() : list)));
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** Number of keys; the matching filter with the most keys wins. */
    public int specificity() {
        return values.size();
    }

    public boolean matches(UsageEvent event) {
        return values.entrySet().stream().allMatch(entry ->
                EventValues.text(event, entry.getKey()).map(entry.getValue()::contains).orElse(false));
    }

    public Bucket bucket() {
        return Bucket.of(values);
    }
}
