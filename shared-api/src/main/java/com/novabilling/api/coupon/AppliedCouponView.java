package com.novabilling.api.coupon;

import java.math.BigDecimal;
import java.time.Instant;

/** A coupon applied to a customer, with the discount terms it was applied with. {@code removedAt} is null while ACTIVE. */
public record AppliedCouponView(
        String id,
        String couponId,
        String couponCode,
        String customerId,
        DiscountType discountType,
        BigDecimal discountValue,
        String currency,
        CouponDuration duration,
        Integer durationInPeriods,
        AppliedCouponStatus status,
        Instant appliedAt,
        Instant removedAt) {
}
