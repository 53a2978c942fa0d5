package com.novabilling.api.coupon;

/** Answered with a {@link CouponView}, or NotFoundException. */
public record FindCouponQuery(String couponId) {
}
