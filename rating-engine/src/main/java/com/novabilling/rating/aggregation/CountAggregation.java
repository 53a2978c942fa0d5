package com.novabilling.rating.aggregation;

import com.novabilling.rating.UsageEvent;

import java.math.BigDecimal;
import java.util.List;

/** COUNT: every event in the window, with or without any property. */
final class CountAggregation {
    private CountAggregation() {
    }

    static Aggregation aggregate(Window window, List<UsageEvent> events) {
        long count = events.stream().filter(event -> window.contains(event.timestamp())).count();
        return new Aggregation(BigDecimal.valueOf(count), CarriedState.NONE);
    }
}
