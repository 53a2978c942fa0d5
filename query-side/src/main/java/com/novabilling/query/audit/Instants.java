package com.novabilling.query.audit;

import com.novabilling.api.error.FieldError;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** ISO-8601 instants as clients send them ({@code 2025-01-31T12:00:00Z} or with an offset) and as Axon stores them. */
final class Instants {

    static final String RULE = "must be an ISO-8601 instant such as 2025-01-31T12:00:00Z";

    private Instants() {
    }

    /** The instant, or null when absent; an unparseable value is added to {@code errors} and yields null. */
    static Instant parse(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant parsed = parseOrNull(value.trim());
        if (parsed == null) {
            errors.add(new FieldError(name, RULE));
        }
        return parsed;
    }

    static Instant parseOrNull(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException invalid) {
                return null;
            }
        }
    }
}
