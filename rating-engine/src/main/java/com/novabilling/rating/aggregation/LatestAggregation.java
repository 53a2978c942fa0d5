package com.novabilling.rating.aggregation;

import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.pricing.Decimals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** LATEST: the field of the last event by timestamp, then ingestion order; negative → 0; none → 0. */
final class LatestAggregation {
    private LatestAggregation() {
    }

    static Aggregation aggregate(String field, Window window, List<UsageEvent> events) {
        Optional<BigDecimal> latest = events.stream()
                .filter(event -> window.contains(event.timestamp()) && event.has(field))
                .max(EventValues.CHRONOLOGICAL)
                .flatMap(event -> EventValues.number(event, field));
        BigDecimal units = Decimals.atLeastZero(latest.orElse(BigDecimal.ZERO));
        return new Aggregation(units, CarriedState.NONE);
    }
}
