package com.novabilling.rating;

/** One invalid configuration field: {@code field} is a JSON path such as {@code graduatedRanges[1].fromValue}. */
public record FieldError(String field, String message) {
}
