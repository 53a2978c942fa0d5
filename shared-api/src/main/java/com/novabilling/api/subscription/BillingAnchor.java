package com.novabilling.api.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where billing periods start: ANNIVERSARY repeats the start instant (the default); CALENDAR aligns periods to the
 * start of the interval's calendar unit (hour, day, ISO week, month, quarter, year) in the tenant's time zone, the
 * first period running from the start to the next boundary (docs/billing-rules.md §10).
 */
public enum BillingAnchor {
    ANNIVERSARY, CALENDAR;

    /** Accepts any letter case ({@code calendar}) and answers the canonical name. */
    public static Optional<BillingAnchor> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(candidate -> candidate.name().equals(wanted)).findFirst();
    }
}
