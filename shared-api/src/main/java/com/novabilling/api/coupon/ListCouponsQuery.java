package com.novabilling.api.coupon;

/**
 * Answered with a {@code PageResult<CouponView>}, newest first. {@code isActive} (nullable) filters by state;
 * {@code search} (nullable) matches a case-insensitive substring of name or code.
 */
public record ListCouponsQuery(int page, int limit, Boolean isActive, String search) {
}
