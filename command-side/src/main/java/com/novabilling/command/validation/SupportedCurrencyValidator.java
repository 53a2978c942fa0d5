package com.novabilling.command.validation;

import com.novabilling.api.money.CurrencyCode;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class SupportedCurrencyValidator implements ConstraintValidator<SupportedCurrency, String> {

    static final String MESSAGE = "must be one of " + String.join(", ", CurrencyCode.codes());

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || CurrencyCode.isSupported(value)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(MESSAGE).addConstraintViolation();
        return false;
    }
}
