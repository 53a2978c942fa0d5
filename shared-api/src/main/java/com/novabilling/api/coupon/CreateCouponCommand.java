package com.novabilling.api.coupon;

import com.novabilling.api.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The coupon as requested. {@code discountValue} is a percentage or an amount in major units of {@code currency};
 * the aggregate checks the combination. Null {@code duration} means ONCE, null {@code active} means true.
 */
public record CreateCouponCommand(
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
