package com.novabilling.api.coupon;

/** The application stops discounting; the redemption it used is not given back. */
public record AppliedCouponRemovedEvent(String couponId, String appliedCouponId, String customerId) {
}
