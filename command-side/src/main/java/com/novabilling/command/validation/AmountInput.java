package com.novabilling.command.validation;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Turns a major-unit amount from a request body into {@link Money}, reporting problems on the request's own field
 * path ({@code prices[1].amount}) instead of a generic "amount".
 */
public final class AmountInput {

    private AmountInput() {
    }

    /** The problem with {@code amount}, if any: missing, negative, too large or too many decimals for the currency. */
    public static Optional<FieldError> problem(BigDecimal amount, CurrencyCode currency, String field) {
        if (amount == null) {
            return Optional.of(new FieldError(field, "is required"));
        }
        if (amount.signum() < 0) {
            return Optional.of(new FieldError(field, "must not be negative"));
        }
        if (amount.compareTo(Money.MAX_MAJOR) > 0) {
            return Optional.of(new FieldError(field, "must not exceed " + Money.MAX_MAJOR.toPlainString()));
        }
        if (amount.stripTrailingZeros().scale() > currency.exponent()) {
            return Optional.of(new FieldError(field, currency.exponent() == 0
                    ? "must be a whole number for " + currency + ", which has no minor unit"
                    : "must have at most " + currency.exponent() + " decimal places for " + currency));
        }
        return Optional.empty();
    }

    /** @throws ValidationException naming {@code field} when {@link #problem} finds one */
    public static Money toMoney(BigDecimal amount, CurrencyCode currency, String field) {
        problem(amount, currency, field).ifPresent(error -> {
            throw new ValidationException(List.of(error));
        });
        return Money.ofMajor(amount, currency);
    }
}
