package com.novabilling.api.coupon;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A coupon's discount: a {@code percentage} (0 exclusive to 100 inclusive, at most 4 decimals) for PERCENTAGE, or an
 * {@code amount} in minor units of its currency for FIXED_AMOUNT; the other component is null.
 */
public record CouponDiscount(DiscountType type, BigDecimal percentage, Money amount) {

    public CouponDiscount {
        Objects.requireNonNull(type, "type");
        if (type == DiscountType.PERCENTAGE) {
            Objects.requireNonNull(percentage, "percentage");
            if (amount != null) {
                throw new IllegalArgumentException("a percentage discount has no amount");
            }
            percentage = percentage.stripTrailingZeros();
            if (percentage.scale() < 0) {
                percentage = percentage.setScale(0);
            }
        } else {
            Objects.requireNonNull(amount, "amount");
            if (percentage != null) {
                throw new IllegalArgumentException("a fixed-amount discount has no percentage");
            }
        }
    }

    public static CouponDiscount percentageOf(BigDecimal percentage) {
        return new CouponDiscount(DiscountType.PERCENTAGE, percentage, null);
    }

    public static CouponDiscount fixed(Money amount) {
        return new CouponDiscount(DiscountType.FIXED_AMOUNT, null, amount);
    }

    /** A discount as tables store it: the percentage, or the amount in minor units of {@code currency}. */
    public static CouponDiscount of(DiscountType type, BigDecimal percentage, Long amountMinor, CurrencyCode currency) {
        return type == DiscountType.PERCENTAGE ? percentageOf(percentage) : fixed(Money.ofMinor(amountMinor, currency));
    }

    /** The amount in minor units; null for a percentage. */
    public Long amountMinor() {
        return amount == null ? null : amount.minor();
    }

    /** The discount as the API shows it: the percentage, or the amount in major units (10.00 USD, 5000 UGX). */
    public BigDecimal value() {
        return type == DiscountType.PERCENTAGE ? percentage : amount.toMajor();
    }

    /** The amount's currency; null for a percentage. */
    public CurrencyCode currency() {
        return amount == null ? null : amount.currency();
    }
}
