package com.novabilling.rating.aggregation;

import java.time.Instant;
import java.util.Objects;

/** A half-open charge window {@code [from, to)}. */
public record Window(Instant from, Instant to) {
    public Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window end " + to + " is before its start " + from);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    public boolean endsAfter(Instant instant) {
        return instant.isBefore(to);
    }
}
