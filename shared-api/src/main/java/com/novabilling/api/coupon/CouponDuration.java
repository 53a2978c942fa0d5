package com.novabilling.api.coupon;

/**
 * How long an applied coupon keeps discounting: the first invoice only, {@code durationInPeriods} billing periods,
 * or every invoice.
 */
public enum CouponDuration {
    ONCE, REPEATING, FOREVER
}
