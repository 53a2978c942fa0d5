package com.novabilling.api.coupon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteCouponCommand(@TargetAggregateIdentifier String couponId) {
}
