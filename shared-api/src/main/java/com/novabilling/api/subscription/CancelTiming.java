package com.novabilling.api.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When a cancellation takes effect: NOW, or at the end of the current period (PERIOD_END). */
public enum CancelTiming {
    NOW, PERIOD_END;

    /** Accepts any letter case ({@code period_end}) and answers the canonical name. */
    public static Optional<CancelTiming> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(candidate -> candidate.name().equals(wanted)).findFirst();
    }
}
