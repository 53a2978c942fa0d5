package com.novabilling.api.coupon;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The coupon's complete editable state after the update, so every consumer can simply overwrite what it holds. */
public record CouponUpdatedEvent(
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
