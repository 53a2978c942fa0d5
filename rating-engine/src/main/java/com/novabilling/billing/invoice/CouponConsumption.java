package com.novabilling.billing.invoice;

import com.novabilling.api.money.Money;

/**
 * What an invoice took from one applied coupon, for the caller to record (docs/billing-rules.md §8.4).
 *
 * @param discount         the discount this invoice took (its DISCOUNT line, as a positive amount)
 * @param periodsRemaining REPEATING: periods left after this invoice; else null
 * @param fixedRemaining   FIXED_AMOUNT ONCE: what is left of the amount for the next invoice; else null
 * @param exhausted        the coupon is used up: ONCE with nothing left, REPEATING with no period left
 */
public record CouponConsumption(String appliedCouponId, Money discount, Integer periodsRemaining,
                                Money fixedRemaining, boolean exhausted) {
}
