package com.novabilling.rating.aggregation;

import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.UsageEvent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** SUM of the field; recurring SUM has no lower bound and closes with the running total. */
final class SumAggregation {
    private SumAggregation() {
    }

    static Aggregation aggregate(MetricDefinition metric, Window window, List<UsageEvent> events,
                                 CarriedState carried) {
        BigDecimal total = carried instanceof CarriedState.RunningTotal running ? running.total() : BigDecimal.ZERO;
        for (UsageEvent event : events) {
            boolean counted = metric.recurring()
                    ? window.endsAfter(event.timestamp())
                    : window.contains(event.timestamp());
            if (counted) {
                Optional<BigDecimal> value = EventValues.number(event, metric.fieldName());
                if (value.isPresent()) {
                    total = total.add(value.get());
                }
            }
        }
        CarriedState closing = metric.recurring() ? new CarriedState.RunningTotal(total) : CarriedState.NONE;
        return new Aggregation(total, closing);
    }
}
