package com.novabilling.api.subscription;

import com.novabilling.api.query.EnumNames;

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
        return EnumNames.parse(BillingAnchor.class, value);
    }
}
