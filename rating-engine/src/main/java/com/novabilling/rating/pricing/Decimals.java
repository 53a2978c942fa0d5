package com.novabilling.rating.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic conventions of the engine (docs/billing-rules.md §1.2, §6): DECIMAL128, divisions kept at
 * scale ≥ 9.
 */
public final class Decimals {
    public static final MathContext CONTEXT = MathContext.DECIMAL128;
    public static final int MIN_DIVISION_SCALE = 9;
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        BigDecimal quotient = dividend.divide(divisor, CONTEXT);
        boolean exact = quotient.multiply(divisor).compareTo(dividend) == 0;
        if (!exact && quotient.scale() < MIN_DIVISION_SCALE) {
            return dividend.divide(divisor, MIN_DIVISION_SCALE, RoundingMode.HALF_UP);
        }
        return quotient;
    }

    public static BigDecimal atLeastZero(BigDecimal value) {
        return value.signum() < 0 ? BigDecimal.ZERO : value;
    }

    public static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** A percentage such as 1.5 as the factor 0.015, exactly. */
    public static BigDecimal percentToFactor(BigDecimal percent) {
        return percent.movePointLeft(2);
    }
}
