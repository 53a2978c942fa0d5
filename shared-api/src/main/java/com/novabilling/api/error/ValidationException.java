package com.novabilling.api.error;

import java.util.List;

/** Input that breaks a business rule the request shape cannot express. HTTP 400 naming the fields. */
public class ValidationException extends RuntimeException {
    private final List<FieldError> errors;

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public ValidationException(List<FieldError> errors) {
        super(errors.isEmpty() ? "Validation failed" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
