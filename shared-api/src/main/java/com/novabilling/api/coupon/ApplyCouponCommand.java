package com.novabilling.api.coupon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Applies the coupon to a customer. A command on the coupon, so that the coupon alone decides against its
 * redemption count and cannot be redeemed more than {@code maxRedemptions} times by concurrent requests.
 */
public record ApplyCouponCommand(
        @TargetAggregateIdentifier String couponId,
        String appliedCouponId,
        String customerId) {
}
