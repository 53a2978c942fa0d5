package com.novabilling.command.coupon;

import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.query.EnumNames;
import com.novabilling.command.validation.AmountInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What a coupon takes off and for how long: the part of a coupon that is frozen once it has been applied. */
record DiscountTerms(CouponDiscount discount, CouponDuration duration, Integer durationInPeriods) {

    /**
     * Checks the combination as a whole (a currency only for FIXED_AMOUNT, periods only for REPEATING, ...).
     *
     * @param duration null means ONCE
     * @throws ValidationException naming every offending request field
     */
    static DiscountTerms validated(DiscountType type, BigDecimal value, CurrencyCode currency, CouponDuration duration,
                                   Integer durationInPeriods) {
        List<FieldError> errors = new ArrayList<>();
        CouponDuration effectiveDuration = duration == null ? CouponDuration.ONCE : duration;
        if (type == null) {
            errors.add(new FieldError("discountType", "is required; one of " + EnumNames.names(DiscountType.class)));
        } else if (value == null) {
            errors.add(new FieldError("discountValue", "is required"));
        } else if (value.signum() <= 0) {
            errors.add(new FieldError("discountValue", "must be greater than 0"));
        } else if (type == DiscountType.PERCENTAGE) {
            if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new FieldError("discountValue", "must be at most 100 for a PERCENTAGE discount"));
            } else if (value.stripTrailingZeros().scale() > 4) {
                errors.add(new FieldError("discountValue",
                        "must have at most 4 decimal places for a PERCENTAGE discount"));
            }
            if (currency != null) {
                errors.add(new FieldError("currency", "must not be set for a PERCENTAGE discount"));
            }
        } else if (currency == null) {
            errors.add(new FieldError("currency", "is required for a FIXED_AMOUNT discount"));
        } else {
            AmountInput.problem(value, currency, "discountValue").ifPresent(errors::add);
        }
        if (effectiveDuration == CouponDuration.REPEATING) {
            if (durationInPeriods == null) {
                errors.add(new FieldError("durationInPeriods", "is required when duration is REPEATING"));
            } else if (durationInPeriods < 1) {
                errors.add(new FieldError("durationInPeriods", "must be at least 1"));
            }
        } else if (durationInPeriods != null) {
            errors.add(new FieldError("durationInPeriods", "is only allowed when duration is REPEATING"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        CouponDiscount discount = type == DiscountType.PERCENTAGE
                ? CouponDiscount.percentageOf(value)
                : CouponDiscount.fixed(Money.ofMajor(value, currency));
        return new DiscountTerms(discount, effectiveDuration, durationInPeriods);
    }
}
