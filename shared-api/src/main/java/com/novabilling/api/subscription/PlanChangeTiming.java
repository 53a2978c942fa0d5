package com.novabilling.api.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When a plan change takes effect: IMMEDIATE, or at the end of the current period (PERIOD_END). */
public enum PlanChangeTiming {
    IMMEDIATE, PERIOD_END;

    /** Accepts any letter case ({@code immediate}) and answers the canonical name. */
    public static Optional<PlanChangeTiming> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(candidate -> candidate.name().equals(wanted)).findFirst();
    }
}
