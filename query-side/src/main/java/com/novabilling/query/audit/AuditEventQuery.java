package com.novabilling.query.audit;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters and page of {@code GET /audit/events}, validated. Absent or blank filters match everything;
 * {@code from} is inclusive and {@code to} exclusive.
 */
public record AuditEventQuery(String aggregateId, String type, Instant from, Instant to, int page, int limit) {

    public static final int DEFAULT_PAGE = 1;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Width of the event table's identifier and type columns: a longer filter cannot match anything. */
    static final int MAX_FILTER_LENGTH = 255;

    /** Parses the raw request parameters, reporting every invalid one at once. */
    public static AuditEventQuery parse(String aggregateId, String type, String from, String to,
                                        String page, String limit) {
        List<FieldError> errors = new ArrayList<>();
        String aggregateFilter = filter("aggregateId", aggregateId, errors);
        String typeFilter = filter("type", type, errors);
        Instant fromInstant = Instants.parse("from", from, errors);
        Instant toInstant = Instants.parse("to", to, errors);
        int pageNumber = integer("page", page, DEFAULT_PAGE, 1, Integer.MAX_VALUE, "must be an integer of at least 1", errors);
        int pageSize = integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, "must be an integer from 1 to " + MAX_LIMIT, errors);
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AuditEventQuery(aggregateFilter, typeFilter, fromInstant, toInstant, pageNumber, pageSize);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    private static String filter(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_FILTER_LENGTH) {
            errors.add(new FieldError(name, "must be at most " + MAX_FILTER_LENGTH + " characters"));
            return null;
        }
        return trimmed;
    }

    private static int integer(String name, String value, int defaultValue, int min, int max, String rule,
                               List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below like an out-of-range value
        }
        errors.add(new FieldError(name, rule));
        return defaultValue;
    }
}
