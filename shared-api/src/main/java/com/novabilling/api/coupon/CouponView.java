package com.novabilling.api.coupon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code discountValue} is the percentage, or for FIXED_AMOUNT the amount in major units of {@code currency}
 * (null for PERCENTAGE). {@code planIds} empty means the coupon applies to every plan.
 */
public record CouponView(
        String id,
        String name,
        String code,
        String description,
        DiscountType discountType,
        BigDecimal discountValue,
        String currency,
        CouponDuration duration,
        Integer durationInPeriods,
        Integer maxRedemptions,
        int timesRedeemed,
        Instant expiresAt,
        List<String> planIds,
        boolean isActive,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt) {
}
