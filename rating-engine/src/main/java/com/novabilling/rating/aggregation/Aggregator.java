package com.novabilling.rating.aggregation;

import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.UsageEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Turns the events of a window into units (docs/billing-rules.md §2–§3).
 *
 * <p>Non-recurring metrics use the events with {@code from <= timestamp < to}. Recurring metrics drop the lower
 * bound: the carried state describes everything before the first event passed in, and events before {@code from}
 * that are passed anyway are folded into the opening state. So a caller may pass either the window's events plus
 * the previous period's closing state, or the whole history with {@link CarriedState#NONE}.
 */
public final class Aggregator {

    private Aggregator() {
    }

    public static Aggregation aggregate(MetricDefinition metric, Instant from, Instant to, List<UsageEvent> events,
                                        CarriedState carried) {
        return aggregate(metric, new Window(from, to), events, carried);
    }

    public static Aggregation aggregate(MetricDefinition metric, Window window, List<UsageEvent> events,
                                        CarriedState carried) {
        CarriedState opening = carried == null ? CarriedState.NONE : carried;
        requireUsableState(metric, opening);
        Aggregation raw = switch (metric.aggregationType()) {
            case COUNT -> CountAggregation.aggregate(window, events);
            case SUM -> SumAggregation.aggregate(metric, window, events, opening);
            case MAX -> MaxAggregation.aggregate(metric.fieldName(), window, events);
            case UNIQUE_COUNT -> UniqueCountAggregation.aggregate(metric, window, events, opening);
            case LATEST -> LatestAggregation.aggregate(metric.fieldName(), window, events);
            case WEIGHTED_SUM -> WeightedSumAggregation.aggregate(metric, window, events, opening);
        };
        BigDecimal units = metric.rounding() == null ? raw.units() : metric.rounding().apply(raw.units());
        return new Aggregation(units, raw.closingState());
    }

    private static void requireUsableState(MetricDefinition metric, CarriedState state) {
        if (state instanceof CarriedState.None) {
            return;
        }
        if (!metric.recurring()) {
            throw new IllegalArgumentException("metric " + metric.code() + " is not recurring; nothing can be carried");
        }
        boolean matches = switch (metric.aggregationType()) {
            case SUM -> state instanceof CarriedState.RunningTotal;
            case UNIQUE_COUNT -> state instanceof CarriedState.PresentValues;
            case WEIGHTED_SUM -> state instanceof CarriedState.Level;
            default -> false;
        };
        if (!matches) {
            throw new IllegalArgumentException(state.getClass().getSimpleName() + " cannot be carried into a "
                    + metric.aggregationType() + " metric");
        }
    }
}
