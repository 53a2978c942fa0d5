package com.novabilling.api.invoice;

import java.time.Instant;
import java.util.Objects;

/**
 * The usage an invoice bills (docs/billing-rules.md §13.3): the subscription's events of {@code [from, to)} priced by
 * the charges of {@code planId}. Recorded on a recurring invoice that closes a period so that late usage of that window
 * can be re-rated into it while it is a draft, and found again later (audit, re-rating of closed periods).
 */
public record InvoiceUsageWindow(String planId, Instant from, Instant to) {

    public InvoiceUsageWindow {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a usage window ends after it starts: [" + from + ", " + to + ")");
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
