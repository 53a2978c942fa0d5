package com.novabilling.rating.aggregation;

import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.RatingException;
import com.novabilling.rating.UsageEvent;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * UNIQUE_COUNT with add/remove (docs/billing-rules.md §2.3): the number of distinct values present at window end. Each
 * value toggles between absent and present; redundant adds and removes are ignored.
 */
final class UniqueCountAggregation {
    static final String OPERATION_TYPE = "operation_type";

    private UniqueCountAggregation() {
    }

    static Aggregation aggregate(MetricDefinition metric, Window window, List<UsageEvent> events,
                                 CarriedState carried) {
        Set<String> present = new LinkedHashSet<>();
        if (carried instanceof CarriedState.PresentValues values) {
            present.addAll(values.values());
        }
        String field = metric.fieldName();
        events.stream()
                .filter(event -> metric.recurring()
                        ? window.endsAfter(event.timestamp())
                        : window.contains(event.timestamp()))
                .filter(event -> event.has(field))
                .sorted(EventValues.CHRONOLOGICAL)
                .forEach(event -> apply(present, event, field));
        CarriedState closing = metric.recurring() ? new CarriedState.PresentValues(present) : CarriedState.NONE;
        return new Aggregation(BigDecimal.valueOf(present.size()), closing);
    }

    private static void apply(Set<String> present, UsageEvent event, String field) {
        String value = EventValues.text(event, field).orElseThrow();
        if (isRemove(event)) {
            present.remove(value);
        } else {
            present.add(value);
        }
    }

    private static boolean isRemove(UsageEvent event) {
        Object operation = event.property(OPERATION_TYPE);
        if (operation == null || "add".equals(operation)) {
            return false;
        }
        if ("remove".equals(operation)) {
            return true;
        }
        throw new RatingException("properties." + OPERATION_TYPE,
                "must be 'add' or 'remove', was '" + operation + "'");
    }

}
