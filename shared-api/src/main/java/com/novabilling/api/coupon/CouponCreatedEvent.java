package com.novabilling.api.coupon;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code planIds} empty means every plan; {@code metadata} is never null. */
public record CouponCreatedEvent(
        String couponId,
        String name,
        String code,
        String description,
        CouponDiscount discount,
        CouponDuration duration,
        Integer durationInPeriods,
        Integer maxRedemptions,
        Instant expiresAt,
        List<String> planIds,
        boolean active,
        Map<String, Object> metadata) {
}
