package com.novabilling.api.coupon;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A coupon applied to a customer, with the discount terms it was applied with. {@code removedAt} is null unless
 * REMOVED.
 *
 * @param periodsRemaining REPEATING: billing periods it still discounts; else null
 * @param amountRemaining  FIXED_AMOUNT ONCE: what is left of the amount after earlier invoices, major units; null
 *                         until an invoice takes part of it
 * @param lastInvoiceId    the last invoice it discounted; null before the first
 */
public record AppliedCouponView(
        String id,
        String couponId,
        String couponCode,
        String customerId,
        DiscountType discountType,
        BigDecimal discountValue,
        String currency,
        CouponDuration duration,
        Integer durationInPeriods,
        AppliedCouponStatus status,
        Instant appliedAt,
        Instant removedAt,
        Integer periodsRemaining,
        BigDecimal amountRemaining,
        String lastInvoiceId) {
}
