package com.novabilling.api.coupon;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Stored flat, the details' fields beside {@code couponId}, as before they were grouped (2026-12-01). */
public record CouponCreatedEvent(String couponId, @JsonUnwrapped CouponDetails details) {
}
