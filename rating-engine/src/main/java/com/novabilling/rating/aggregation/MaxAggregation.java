package com.novabilling.rating.aggregation;

import com.novabilling.rating.UsageEvent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** MAX of the field over the window; 0 when no event carries it. */
final class MaxAggregation {
    private MaxAggregation() {
    }

    static Aggregation aggregate(String field, Window window, List<UsageEvent> events) {
        BigDecimal max = null;
        for (UsageEvent event : events) {
            if (window.contains(event.timestamp())) {
                Optional<BigDecimal> value = EventValues.number(event, field);
                if (value.isPresent() && (max == null || value.get().compareTo(max) > 0)) {
                    max = value.get();
                }
            }
        }
        return new Aggregation(max == null ? BigDecimal.ZERO : max, CarriedState.NONE);
    }
}
