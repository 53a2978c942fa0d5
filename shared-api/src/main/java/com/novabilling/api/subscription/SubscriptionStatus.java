package com.novabilling.api.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** TRIALING until the trial ends, then ACTIVE; PAUSED stops renewals until resumed; CANCELED is final. */
public enum SubscriptionStatus {
    TRIALING, ACTIVE, PAUSED, CANCELED;

    /** Accepts any letter case ({@code active}) and answers the canonical name. */
    public static Optional<SubscriptionStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(candidate -> candidate.name().equals(wanted)).findFirst();
    }
}
