package com.novabilling.rating.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Optional per-metric rounding of the aggregate, applied before pricing. {@code ROUND} is HALF_UP. */
public record UnitRounding(Mode mode, int digits) {

    public enum Mode {
        ROUND(RoundingMode.HALF_UP), CEIL(RoundingMode.CEILING), FLOOR(RoundingMode.FLOOR);

        private final RoundingMode roundingMode;

        Mode(RoundingMode roundingMode) {
            this.roundingMode = roundingMode;
        }
    }

    public UnitRounding {
        Objects.requireNonNull(mode, "mode");
    }

    public BigDecimal apply(BigDecimal units) {
        return units.setScale(digits, mode.roundingMode);
    }
}
