package com.novabilling.api.coupon;

public record CouponDeletedEvent(String couponId, String code) {
}
