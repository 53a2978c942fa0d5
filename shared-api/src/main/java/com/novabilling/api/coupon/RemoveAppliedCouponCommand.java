package com.novabilling.api.coupon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveAppliedCouponCommand(@TargetAggregateIdentifier String couponId, String appliedCouponId) {
}
