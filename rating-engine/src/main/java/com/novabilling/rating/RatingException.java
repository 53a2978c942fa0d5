package com.novabilling.rating;

/** Input the engine cannot rate (a non-numeric metric value, an unknown operation type, invalid configuration). */
public class RatingException extends RuntimeException {
    private final String field;

    public RatingException(String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
    }

    /** Path of the offending input, such as {@code properties.gb}; may be {@code null}. */
    public String field() {
        return field;
    }
}
