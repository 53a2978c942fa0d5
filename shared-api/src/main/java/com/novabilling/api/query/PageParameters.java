package com.novabilling.api.query;

import com.novabilling.api.error.ValidationException;

import java.util.Locale;

/**
 * Parses the list endpoints' query parameters: {@code page}, {@code limit}, {@code sortOrder}, {@code search} and
 * the filters (an id, an enum's name, true/false). They arrive as text so that a malformed value is reported like any
 * other invalid parameter, naming it.
 */
public final class PageParameters {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** The longest id a filter accepts: ids are far shorter, so a longer value is refused rather than looked up. */
    public static final int MAX_ID_LENGTH = 255;

    private PageParameters() {
    }

    /** 1-based page number; 1 when absent. */
    public static int page(String value) {
        if (isAbsent(value)) {
            return 1;
        }
        Integer page = parseInt(value);
        if (page == null || page < 1) {
            throw new ValidationException("page", "must be an integer greater than or equal to 1");
        }
        return page;
    }

    /** Page size 1..100; 20 when absent. */
    public static int limit(String value) {
        if (isAbsent(value)) {
            return DEFAULT_LIMIT;
        }
        Integer limit = parseInt(value);
        if (limit == null || limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be an integer between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** {@code asc} or {@code desc} in any letter case; descending when absent. */
    public static SortOrder sortOrder(String value) {
        if (isAbsent(value)) {
            return SortOrder.DESC;
        }
        return SortOrder.parse(value)
                .orElseThrow(() -> new ValidationException("sortOrder", "must be asc or desc"));
    }

    /** The search text, or null when absent or blank. */
    public static String search(String value) {
        return isAbsent(value) ? null : value.trim();
    }

    /** A true/false filter parameter named {@code name}, in any letter case; null when absent. */
    public static Boolean booleanFilter(String value, String name) {
        if (isAbsent(value)) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException(name, "must be true or false");
        };
    }

    /** An id filter parameter named {@code name}, trimmed; null when absent or blank. */
    public static String idFilter(String value, String name) {
        if (isAbsent(value)) {
            return null;
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new ValidationException(name, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return value.trim();
    }

    /** A filter parameter named {@code name}: one of {@code type}'s names in any letter case; null when absent. */
    public static <E extends Enum<E>> E enumFilter(Class<E> type, String value, String name) {
        if (isAbsent(value)) {
            return null;
        }
        return EnumNames.parse(type, value)
                .orElseThrow(() -> new ValidationException(name, "must be one of " + EnumNames.names(type)));
    }

    /**
     * Case-insensitive substring pattern for a JPQL {@code lower(x) like :pattern escape '!'}: the search text in lower
     * case with its literal {@code %}, {@code _} and {@code !} escaped.
     */
    public static String containsPattern(String search) {
        String escaped = search.trim().toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }

    public static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
