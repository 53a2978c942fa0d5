package com.novabilling.api.coupon;

/**
 * An applied coupon discounts the customer's invoices while ACTIVE; REMOVED (withdrawn) and EXHAUSTED (used up by
 * invoices: a ONCE coupon with nothing left, a REPEATING one with no period left) are final.
 */
public enum AppliedCouponStatus {
    ACTIVE, REMOVED, EXHAUSTED
}
