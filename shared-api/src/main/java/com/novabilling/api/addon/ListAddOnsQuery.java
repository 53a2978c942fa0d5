package com.novabilling.api.addon;

/**
 * Answered with a {@code PageResult<AddOnView>}, newest first. {@code page} is 1-based; {@code search} (nullable)
 * matches a case-insensitive substring of name or code.
 */
public record ListAddOnsQuery(int page, int limit, String search) {
}
