package com.novabilling.api.addon;

import com.novabilling.api.query.EnumNames;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** PENDING until the next invoice bills it (INVOICED, set by invoicing) or it is withdrawn (REMOVED). */
public enum AppliedAddOnStatus {
    PENDING, REMOVED, INVOICED;

    public static final String NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    /** Accepts any letter case. */
    public static Optional<AppliedAddOnStatus> parse(String value) {
        return EnumNames.parse(AppliedAddOnStatus.class, value);
    }
}
