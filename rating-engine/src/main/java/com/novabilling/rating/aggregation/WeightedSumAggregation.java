package com.novabilling.rating.aggregation;

import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.pricing.Decimals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * WEIGHTED_SUM (docs/billing-rules.md §2.4): the time-weighted average level over the window at second granularity.
 * Events carry deltas; the level starts at 0, or for a recurring metric at the carried closing level (plus any deltas
 * passed from before the window).
 */
final class WeightedSumAggregation {
    private WeightedSumAggregation() {
    }

    static Aggregation aggregate(MetricDefinition metric, Window window, List<UsageEvent> events,
                                 CarriedState carried) {
        String field = metric.fieldName();
        BigDecimal level = carried instanceof CarriedState.Level opening ? opening.level() : BigDecimal.ZERO;
        List<UsageEvent> ordered = events.stream()
                .filter(event -> event.has(field) && window.endsAfter(event.timestamp()))
                .filter(event -> metric.recurring() || !event.timestamp().isBefore(window.from()))
                .sorted(EventValues.CHRONOLOGICAL)
                .toList();

        Instant from = seconds(window.from());
        Instant to = seconds(window.to());
        Instant levelSince = from;
        BigDecimal levelSeconds = BigDecimal.ZERO;
        for (UsageEvent event : ordered) {
            BigDecimal delta = EventValues.number(event, field).orElseThrow();
            Instant at = seconds(event.timestamp());
            if (at.isAfter(levelSince)) {
                levelSeconds = levelSeconds.add(level.multiply(secondsBetween(levelSince, at)));
                levelSince = at;
            }
            level = level.add(delta);
        }
        levelSeconds = levelSeconds.add(level.multiply(secondsBetween(levelSince, to)));

        BigDecimal windowSeconds = secondsBetween(from, to);
        BigDecimal units = windowSeconds.signum() == 0 ? BigDecimal.ZERO : Decimals.divide(levelSeconds, windowSeconds);
        CarriedState closing = metric.recurring() ? new CarriedState.Level(level) : CarriedState.NONE;
        return new Aggregation(units, closing);
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static BigDecimal secondsBetween(Instant start, Instant end) {
        return BigDecimal.valueOf(Duration.between(start, end).getSeconds());
    }
}
