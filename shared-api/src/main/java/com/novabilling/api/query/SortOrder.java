package com.novabilling.api.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum SortOrder {
    ASC, DESC;

    /** Accepts {@code asc}/{@code desc} in any letter case. */
    public static Optional<SortOrder> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(order -> order.name().equals(upper)).findFirst();
    }
}
