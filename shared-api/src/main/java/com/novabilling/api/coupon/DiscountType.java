package com.novabilling.api.coupon;

/** How a coupon discounts: a percentage of the amount, or a fixed amount of one currency. */
public enum DiscountType {
    PERCENTAGE, FIXED_AMOUNT
}
