package com.novabilling.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A tax rate in percent: from 0 (exempt) to 100, with at most {@value BillingTermLimits#TAX_RATE_DECIMALS} decimals
 * once trailing zeros are dropped (16.50000 is 16.5). Null is valid.
 */
@Documented
@Constraint(validatedBy = TaxRateValidator.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface TaxRate {

    String message() default "must be a percentage from 0 to 100 with at most "
            + BillingTermLimits.TAX_RATE_DECIMALS + " decimals (0 means exempt)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
