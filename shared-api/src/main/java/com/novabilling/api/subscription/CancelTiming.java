package com.novabilling.api.subscription;

import com.novabilling.api.query.EnumNames;

import java.util.Optional;

/** When a cancellation takes effect: NOW, or at the end of the current period (PERIOD_END). */
public enum CancelTiming {
    NOW, PERIOD_END;

    /** Accepts any letter case ({@code period_end}) and answers the canonical name. */
    public static Optional<CancelTiming> parse(String value) {
        return EnumNames.parse(CancelTiming.class, value);
    }
}
