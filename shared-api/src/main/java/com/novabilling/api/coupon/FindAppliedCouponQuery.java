package com.novabilling.api.coupon;

/** Answered with an {@link AppliedCouponView}, or NotFoundException. */
public record FindAppliedCouponQuery(String appliedCouponId) {
}
