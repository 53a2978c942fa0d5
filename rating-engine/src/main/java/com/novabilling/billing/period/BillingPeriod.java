package com.novabilling.billing.period;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open billing period {@code [start, end)} (docs/billing-rules.md §1.1). */
public record BillingPeriod(Instant start, Instant end) {

    public BillingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period end " + end + " is not after its start " + start);
        }
    }

    /** The length in seconds, pauses included. */
    public long seconds() {
        return Duration.between(start, end).getSeconds();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** The same period with its end moved later by {@code seconds} (a resumed pause, §10). */
    public BillingPeriod stretchedBy(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a period is stretched by a positive number of seconds, not " + seconds);
        }
        return new BillingPeriod(start, end.plusSeconds(seconds));
    }
}
