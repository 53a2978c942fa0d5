package com.novabilling.api.coupon;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a coupon discounts: a percentage of the amount, or a fixed amount of one currency. */
public enum DiscountType {
    PERCENTAGE, FIXED_AMOUNT;

    public static final String NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
}
