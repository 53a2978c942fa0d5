package com.novabilling.api.coupon;

import com.novabilling.api.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A partial update: every {@code null} field keeps its current value; a present {@code planIds} or {@code metadata}
 * replaces it whole. The discount terms (type, value, currency, duration, periods) may change only until the coupon
 * is first applied.
 */
public record UpdateCouponCommand(
        @TargetAggregateIdentifier String couponId,
        String name,
        String code,
        String description,
        DiscountType discountType,
        BigDecimal discountValue,
        CurrencyCode currency,
        CouponDuration duration,
        Integer durationInPeriods,
        Integer maxRedemptions,
        Instant expiresAt,
        List<String> planIds,
        Boolean active,
        Map<String, Object> metadata) {
}
