package com.novabilling.api.addon;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** PENDING until the next invoice bills it (INVOICED, set by invoicing) or it is withdrawn (REMOVED). */
public enum AppliedAddOnStatus {
    PENDING, REMOVED, INVOICED;

    public static final String NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    /** Accepts any letter case. */
    public static Optional<AppliedAddOnStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.name().equals(wanted)).findFirst();
    }
}
