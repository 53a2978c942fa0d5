package com.novabilling.api.coupon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Null {@code duration} means ONCE, null {@code active} means true, null {@code planIds} every plan. */
public record CreateCouponCommand(@TargetAggregateIdentifier String couponId, RequestedCoupon coupon) {
}
