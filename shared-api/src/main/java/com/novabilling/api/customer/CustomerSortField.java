package com.novabilling.api.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum CustomerSortField {
    CREATED_AT("createdAt"),
    UPDATED_AT("updatedAt"),
    NAME("name"),
    EMAIL("email"),
    EXTERNAL_ID("externalId");

    private final String property;

    CustomerSortField(String property) {
        this.property = property;
    }

    /** The CustomerView property this sorts by. */
    public String property() {
        return property;
    }

    /** Accepts the property name in camelCase ({@code createdAt}) or snake_case ({@code created_at}), any letter case. */
    public static Optional<CustomerSortField> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = comparable(value);
        return Arrays.stream(values()).filter(field -> comparable(field.property).equals(wanted)).findFirst();
    }

    private static String comparable(String name) {
        return name.trim().replace("_", "").toLowerCase(Locale.ROOT);
    }
}
