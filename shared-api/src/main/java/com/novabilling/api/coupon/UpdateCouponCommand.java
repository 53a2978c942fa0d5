package com.novabilling.api.coupon;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A partial update: every {@code null} field keeps its current value; a present {@code planIds} or {@code metadata}
 * replaces it whole. The discount terms (type, value, currency, duration, periods) may change only until the coupon
 * is first applied.
 */
public record UpdateCouponCommand(@TargetAggregateIdentifier String couponId, RequestedCoupon changes) {
}
