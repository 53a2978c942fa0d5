package com.novabilling.api.coupon;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a coupon is apart from its id and its redemptions: what its created and updated events carry whole.
 * {@code planIds} empty means every plan; {@code metadata} is never null.
 */
public record CouponDetails(String name, String code, String description, CouponDiscount discount,
                            CouponDuration duration, Integer durationInPeriods, Integer maxRedemptions,
                            Instant expiresAt, List<String> planIds, boolean active, Map<String, Object> metadata) {
}
