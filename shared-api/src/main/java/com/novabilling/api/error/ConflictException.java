package com.novabilling.api.error;

/** The request is valid but clashes with the current state (duplicate key, resource still in use). HTTP 409. */
public class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that caused the conflict, or null. */
    public String field() {
        return field;
    }
}
