package com.novabilling.rating.pricing;

import java.math.BigDecimal;

/**
 * One inclusive range of a graduated or volume charge, as in the API ({@code 0–1000}, {@code 1001–10000}, …).
 * It prices the unit interval {@code (previous toValue, toValue]}.
 *
 * @param toValue       {@code null} for the open last range
 * @param perUnitAmount {@code null} is read as 0
 * @param flatAmount    {@code null} is read as 0; charged once when the range is entered
 */
public record PriceRange(BigDecimal fromValue, BigDecimal toValue, BigDecimal perUnitAmount, BigDecimal flatAmount) {

    public static PriceRange of(long fromValue, Long toValue, String perUnitAmount, String flatAmount) {
        return new PriceRange(BigDecimal.valueOf(fromValue), toValue == null ? null : BigDecimal.valueOf(toValue),
                new BigDecimal(perUnitAmount), new BigDecimal(flatAmount));
    }

    public boolean isOpen() {
        return toValue == null;
    }

    BigDecimal unitPrice() {
        return Decimals.orZero(perUnitAmount);
    }

    BigDecimal flatFee() {
        return Decimals.orZero(flatAmount);
    }
}
