package com.novabilling.api.customer;

import com.novabilling.api.error.ValidationException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum CustomerSortField {
    CREATED_AT("createdAt", false),
    UPDATED_AT("updatedAt", false),
    NAME("name", true),
    EMAIL("email", true),
    EXTERNAL_ID("externalId", true);

    private final String property;
    private final boolean text;

    CustomerSortField(String property, boolean text) {
        this.property = property;
        this.text = text;
    }

    /** The CustomerView property this sorts by. */
    public String property() {
        return property;
    }

    /** Whether it sorts case-insensitively. */
    public boolean text() {
        return text;
    }

    /**
     * The {@code sortBy} parameter: the property name in camelCase ({@code createdAt}) or snake_case
     * ({@code created_at}), any letter case; absent or blank: CREATED_AT.
     *
     * @throws ValidationException naming {@code sortBy} when it is none of them
     */
    public static CustomerSortField parse(String value) {
        if (value == null || value.isBlank()) {
            return CREATED_AT;
        }
        return Arrays.stream(values()).filter(field -> comparable(field.property).equals(comparable(value)))
                .findFirst().orElseThrow(() -> new ValidationException("sortBy", "must be one of "
                        + Arrays.stream(values()).map(CustomerSortField::property).collect(Collectors.joining(", "))));
    }

    private static String comparable(String name) {
        return name.trim().replace("_", "").toLowerCase(Locale.ROOT);
    }
}
