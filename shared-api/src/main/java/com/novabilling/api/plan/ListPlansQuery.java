package com.novabilling.api.plan;

/**
 * Answered with a {@code PageResult<PlanView>}, newest first. {@code active} (nullable) filters by state;
 * {@code search} (nullable) matches a case-insensitive substring of name or code.
 */
public record ListPlansQuery(int page, int limit, Boolean active, String search) {
}
