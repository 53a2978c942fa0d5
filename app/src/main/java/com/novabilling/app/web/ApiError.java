package com.novabilling.app.web;

import com.novabilling.api.error.FieldError;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.List;

/**
 * The one error body of the API:
 * {@code {statusCode, error, message, errors:[{field, message}], path, requestId, timestamp}}.
 */
public record ApiError(int statusCode, String error, String message, List<FieldError> errors,
                       String path, String requestId, Instant timestamp) {

    public static ApiError of(HttpStatus status, String message, List<FieldError> errors, String path, String requestId,
                              Instant timestamp) {
        return new ApiError(status.value(), status.getReasonPhrase(), message, errors == null ? List.of() : errors,
                path, requestId, timestamp);
    }
}
