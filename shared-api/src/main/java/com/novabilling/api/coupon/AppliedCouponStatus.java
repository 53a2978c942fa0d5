package com.novabilling.api.coupon;

import com.novabilling.api.query.EnumNames;

import java.util.Optional;

/**
 * An applied coupon discounts the customer's invoices while ACTIVE; REMOVED (withdrawn) and EXHAUSTED (used up by
 * invoices: a ONCE coupon with nothing left, a REPEATING one with no period left) are final.
 */
public enum AppliedCouponStatus {
    ACTIVE, REMOVED, EXHAUSTED;

    /** Accepts any letter case ({@code active}). */
    public static Optional<AppliedCouponStatus> parse(String value) {
        return EnumNames.parse(AppliedCouponStatus.class, value);
    }
}
