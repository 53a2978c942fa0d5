package com.novabilling.api.coupon;

import com.novabilling.api.money.Money;

/**
 * An invoice took {@code discount} from an applied coupon. {@code periodsRemaining} (REPEATING) and
 * {@code fixedRemaining} (FIXED_AMOUNT ONCE) are what is left after it, so consumers set them rather than count;
 * {@code exhausted} ends the application (status EXHAUSTED).
 */
public record CouponUsageRecordedEvent(
        String couponId,
        String appliedCouponId,
        String customerId,
        String invoiceId,
        Money discount,
        Integer periodsRemaining,
        Money fixedRemaining,
        boolean exhausted) {
}
