package com.novabilling.api.query;

import java.util.Optional;

public enum SortOrder {
    ASC, DESC;

    /** Accepts {@code asc}/{@code desc} in any letter case. */
    public static Optional<SortOrder> parse(String value) {
        return EnumNames.parse(SortOrder.class, value);
    }
}
