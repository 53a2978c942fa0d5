package com.novabilling.api.coupon;

/**
 * Answered with a {@code PageResult<AppliedCouponView>}, oldest application first (the order in which invoicing
 * applies discounts). {@code customerId} and {@code status} are optional filters (null: all).
 */
public record ListAppliedCouponsQuery(int page, int limit, String customerId, AppliedCouponStatus status) {
}
