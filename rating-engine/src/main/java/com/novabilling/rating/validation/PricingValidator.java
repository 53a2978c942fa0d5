package com.novabilling.rating.validation;

import com.novabilling.api.error.FieldError;
import com.novabilling.rating.pricing.GraduatedPricing;
import com.novabilling.rating.pricing.PackagePricing;
import com.novabilling.rating.pricing.PercentagePricing;
import com.novabilling.rating.pricing.PricingProperties;
import com.novabilling.rating.pricing.StandardPricing;
import com.novabilling.rating.pricing.VolumePricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates the pricing properties of a charge or charge filter for the REST layer (400 naming the fields).
 * Field paths follow the API: {@code graduatedRanges[1].fromValue}, {@code volumeRanges[0].toValue},
 * {@code properties.packageSize}, {@code properties.rate}; {@code prefix} is prepended (e.g. {@code filters[0].}).
 */
public final class PricingValidator {
    private static final BigDecimal MAX_RATE = BigDecimal.valueOf(100);

    private PricingValidator() {
    }

    public static List<FieldError> validate(PricingProperties pricing) {
        return validate(pricing, "");
    }

    public static List<FieldError> validate(PricingProperties pricing, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        String properties = prefix + "properties.";
        if (pricing instanceof StandardPricing standard) {
            required(standard.amount(), properties + "amount", errors);
        } else if (pricing instanceof GraduatedPricing graduated) {
            errors.addAll(RangeValidator.validate(graduated.ranges(), prefix + "graduatedRanges"));
        } else if (pricing instanceof VolumePricing volume) {
            errors.addAll(RangeValidator.validate(volume.ranges(), prefix + "volumeRanges"));
        } else if (pricing instanceof PackagePricing packaged) {
            validatePackage(packaged, properties, errors);
        } else if (pricing instanceof PercentagePricing percentage) {
            validatePercentage(percentage, properties, errors);
        }
        return errors;
    }

    private static void validatePackage(PackagePricing pricing, String properties, List<FieldError> errors) {
        if (pricing.packageSize() == null) {
            errors.add(new FieldError(properties + "packageSize", "is required"));
        } else if (pricing.packageSize().signum() <= 0) {
            errors.add(new FieldError(properties + "packageSize", "must be greater than 0"));
        } else {
            RangeValidator.checkUnits(pricing.packageSize(), properties + "packageSize", errors);
        }
        required(pricing.amount(), properties + "amount", errors);
        RangeValidator.checkUnits(pricing.freeUnits(), properties + "freeUnits", errors);
    }

    private static void validatePercentage(PercentagePricing pricing, String properties, List<FieldError> errors) {
        if (pricing.rate() == null) {
            errors.add(new FieldError(properties + "rate", "is required"));
        } else if (pricing.rate().signum() < 0 || pricing.rate().compareTo(MAX_RATE) > 0) {
            errors.add(new FieldError(properties + "rate", "must be between 0 and 100"));
        } else {
            RangeValidator.checkPrice(pricing.rate(), properties + "rate", errors);
        }
        RangeValidator.checkPrice(pricing.fixedAmount(), properties + "fixedAmount", errors);
        if (pricing.freeUnitsPerEvents() != null && pricing.freeUnitsPerEvents() < 0) {
            errors.add(new FieldError(properties + "freeUnitsPerEvents", "must not be negative"));
        }
        RangeValidator.checkUnits(pricing.freeUnitsPerTotalAggregation(),
                properties + "freeUnitsPerTotalAggregation", errors);
        RangeValidator.checkPrice(pricing.perTransactionMin(), properties + "perTransactionMin", errors);
        RangeValidator.checkPrice(pricing.perTransactionMax(), properties + "perTransactionMax", errors);
        if (pricing.perTransactionMin() != null && pricing.perTransactionMax() != null
                && pricing.perTransactionMin().compareTo(pricing.perTransactionMax()) > 0) {
            errors.add(new FieldError(properties + "perTransactionMax",
                    "must not be below perTransactionMin"));
        }
    }

    private static void required(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else {
            RangeValidator.checkPrice(value, field, errors);
        }
    }
}
