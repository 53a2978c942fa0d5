package com.novabilling.api.coupon;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A coupon's fields as a request gives them, for a create or an update. {@code discountValue} is a percentage or an
 * amount in major units of {@code currency}; the aggregate checks the combination.
 */
public record RequestedCoupon(String name, String code, String description, DiscountType discountType,
                              BigDecimal discountValue, CurrencyCode currency, CouponDuration duration,
                              Integer durationInPeriods, Integer maxRedemptions, Instant expiresAt,
                              List<String> planIds, Boolean active, Map<String, Object> metadata) {
}
