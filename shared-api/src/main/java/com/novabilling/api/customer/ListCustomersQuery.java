package com.novabilling.api.customer;

import com.novabilling.api.query.SortOrder;

/**
 * Answered with a {@code PageResult<CustomerView>}. {@code page} is 1-based; {@code search} (nullable) matches a
 * case-insensitive substring of name, email or external id.
 */
public record ListCustomersQuery(int page, int limit, String search, CustomerSortField sortBy, SortOrder sortOrder) {
}
