package com.novabilling.rating.aggregation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * State of a recurring metric carried from one period into the next (docs/billing-rules.md §3).
 * A charge with filters carries one state per bucket ({@link PerBucket}, keyed by {@link Bucket#label()}).
 */
public sealed interface CarriedState {

    None NONE = new None();

    /** Nothing carried: the first period of a subscription, or a non-recurring metric. */
    record None() implements CarriedState {
    }

    /** Recurring SUM: the total of all events before the window. */
    record RunningTotal(BigDecimal total) implements CarriedState {
        public RunningTotal {
            Objects.requireNonNull(total, "total");
        }
    }

    /** Recurring UNIQUE_COUNT: the values present at the end of the previous period. */
    record PresentValues(Set<String> values) implements CarriedState {
        public PresentValues {
            values = Collections.unmodifiableSet(new TreeSet<>(values));
        }
    }

    /** Recurring WEIGHTED_SUM: the level at the end of the previous period. */
    record Level(BigDecimal level) implements CarriedState {
        public Level {
            Objects.requireNonNull(level, "level");
        }
    }

    /** One state per filter bucket of a charge; a bucket missing from the map starts from nothing. */
    record PerBucket(Map<String, CarriedState> byBucket) implements CarriedState {
        public PerBucket {
            byBucket.values().forEach(state -> {
                if (state instanceof PerBucket) {
                    throw new IllegalArgumentException("bucket states cannot be nested");
                }
            });
            byBucket = Collections.unmodifiableMap(new TreeMap<>(byBucket));
        }

        public CarriedState forBucket(String label) {
            return byBucket.getOrDefault(label, NONE);
        }
    }
}
