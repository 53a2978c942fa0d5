package com.novabilling.api.error;

/** One invalid request field: {@code field} is a JSON path such as {@code prices[0].amount}. */
public record FieldError(String field, String message) {
}
