package com.novabilling.api.coupon;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The coupon's complete details after the update, stored flat like {@link CouponCreatedEvent}'s. */
public record CouponUpdatedEvent(String couponId, @JsonUnwrapped CouponDetails details) {
}
