package com.novabilling.rating;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic conventions of the engine (docs/billing-rules.md §1.2, §6): DECIMAL128, divisions kept at
 * scale ≥ 9.
 */
final class Decimals {
    static final MathContext CONTEXT = MathContext.DECIMAL128;
    static final int MIN_DIVISION_SCALE = 9;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        BigDecimal quotient = dividend.divide(divisor, CONTEXT);
        boolean exact = quotient.multiply(divisor).compareTo(dividend) == 0;
        if (!exact && quotient.scale() < MIN_DIVISION_SCALE) {
            return dividend.divide(divisor, MIN_DIVISION_SCALE, RoundingMode.HALF_UP);
        }
        return quotient;
    }

    static BigDecimal atLeastZero(BigDecimal value) {
        return value.signum() < 0 ? BigDecimal.ZERO : value;
    }

    static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** A percentage such as 1.5 as the factor 0.015, exactly. */
    static BigDecimal percentToFactor(BigDecimal percent) {
        return percent.movePointLeft(2);
    }
}
