package com.novabilling.command.coupon;

/** Field documentation shared by the coupon request bodies. */
final class CouponRequestRules {

    static final String DISCOUNT_VALUE = "PERCENTAGE: a percentage above 0, at most 100, at most 4 decimals (12.5). "
            + "FIXED_AMOUNT: an amount in major units of currency with no more decimals than it has (10.00 USD, 5000 UGX)";
    static final String CURRENCY = "Required for FIXED_AMOUNT, refused for PERCENTAGE; one of the supported currencies";

    private CouponRequestRules() {
    }
}
