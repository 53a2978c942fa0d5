package com.novabilling.api.coupon;

/**
 * The coupon was applied to a customer, with the discount terms in force at that moment. {@code timesRedeemed} is the
 * coupon's redemption count including this one, so consumers set it rather than count.
 */
public record CouponAppliedEvent(
        String couponId,
        String appliedCouponId,
        String couponCode,
        String customerId,
        CouponDiscount discount,
        CouponDuration duration,
        Integer durationInPeriods,
        int timesRedeemed) {
}
