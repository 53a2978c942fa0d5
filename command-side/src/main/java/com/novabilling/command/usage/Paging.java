package com.novabilling.command.usage;

import com.novabilling.api.error.ValidationException;

/**
 * {@code page} and {@code limit} as every list reads them (the query side's {@code PageParameters}, which the
 * command side cannot use): page from 1, default 1; limit 1-100, default 20.
 */
final class Paging {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private Paging() {
    }

    static int page(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        Integer page = parse(value);
        if (page == null || page < 1) {
            throw new ValidationException("page", "must be an integer greater than or equal to 1");
        }
        return page;
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        Integer limit = parse(value);
        if (limit == null || limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be an integer between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static Integer parse(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
