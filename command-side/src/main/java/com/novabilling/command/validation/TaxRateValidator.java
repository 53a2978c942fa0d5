package com.novabilling.command.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.math.BigDecimal;

public class TaxRateValidator implements ConstraintValidator<TaxRate, BigDecimal> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        return value == null || (value.signum() >= 0 && value.compareTo(HUNDRED) <= 0
                && value.stripTrailingZeros().scale() <= BillingTermLimits.TAX_RATE_DECIMALS);
    }
}
