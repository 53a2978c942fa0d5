package com.novabilling.rating.validation;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.money.Money;
import com.novabilling.rating.pricing.PriceRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates graduated and volume ranges (docs/billing-rules.md §5.2): the first starts at 0; each next
 * {@code fromValue} is the previous {@code toValue} + 1 (canonical inclusive form) or equals it (adjacent form,
 * accepted and {@link #normalise normalised}); only the last range is open; nothing is negative; unit prices have at
 * most 12 decimals.
 */
public final class RangeValidator {
    static final int MAX_PRICE_DECIMALS = 12;
    /** Largest price or amount (major units), as for every amount of the API. */
    public static final BigDecimal MAX_PRICE = Money.MAX_MAJOR;
    /** Largest unit count a range bound, package size or free-unit allowance may name. */
    public static final BigDecimal MAX_UNITS = new BigDecimal("1000000000000000");

    private RangeValidator() {
    }

    /** @param field the JSON name of the list, {@code graduatedRanges} or {@code volumeRanges} (with any prefix) */
    public static List<FieldError> validate(List<PriceRange> ranges, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (ranges == null || ranges.isEmpty()) {
            errors.add(new FieldError(field, "at least one range is required"));
            return errors;
        }
        for (int i = 0; i < ranges.size(); i++) {
            validateRange(ranges, i, field + "[" + i + "]", errors);
        }
        return errors;
    }

    private static void validateRange(List<PriceRange> ranges, int i, String path, List<FieldError> errors) {
        PriceRange range = ranges.get(i);
        boolean last = i == ranges.size() - 1;
        if (range.fromValue() == null) {
            errors.add(new FieldError(path + ".fromValue", "is required"));
        } else if (range.fromValue().signum() < 0) {
            errors.add(new FieldError(path + ".fromValue", "must not be negative"));
        } else if (range.fromValue().compareTo(MAX_UNITS) > 0) {
            errors.add(new FieldError(path + ".fromValue", "must not exceed " + MAX_UNITS.toPlainString()));
        } else if (i == 0 && range.fromValue().signum() != 0) {
            errors.add(new FieldError(path + ".fromValue", "the first range must start at 0"));
        } else if (i > 0) {
            checkContiguous(ranges.get(i - 1), range, path, errors);
        }

        if (range.toValue() == null && !last) {
            errors.add(new FieldError(path + ".toValue", "only the last range may be open (toValue null)"));
        } else if (range.toValue() != null && last) {
            errors.add(new FieldError(path + ".toValue", "the last range must be open (toValue null)"));
        } else if (range.toValue() != null && range.toValue().signum() < 0) {
            errors.add(new FieldError(path + ".toValue", "must not be negative"));
        } else if (range.toValue() != null && range.toValue().compareTo(MAX_UNITS) > 0) {
            errors.add(new FieldError(path + ".toValue", "must not exceed " + MAX_UNITS.toPlainString()));
        } else if (range.toValue() != null && range.fromValue() != null
                && range.toValue().compareTo(range.fromValue()) < 0) {
            errors.add(new FieldError(path + ".toValue", "must not be below fromValue "
                    + range.fromValue().toPlainString()));
        }
        checkPrice(range.perUnitAmount(), path + ".perUnitAmount", errors);
        checkPrice(range.flatAmount(), path + ".flatAmount", errors);
    }

    private static void checkContiguous(PriceRange previous, PriceRange range, String path, List<FieldError> errors) {
        if (previous.toValue() == null) {
            return; // reported on the previous range's toValue
        }
        BigDecimal from = range.fromValue();
        boolean inclusive = from.compareTo(previous.toValue().add(BigDecimal.ONE)) == 0;
        boolean adjacent = from.compareTo(previous.toValue()) == 0;
        if (!inclusive && !adjacent) {
            String problem = from.compareTo(previous.toValue()) < 0 ? "overlaps" : "leaves a gap after";
            errors.add(new FieldError(path + ".fromValue", "must be " + previous.toValue().add(BigDecimal.ONE)
                    .toPlainString() + " (previous toValue + 1); " + from.toPlainString() + " " + problem
                    + " the previous range"));
        }
    }

    static void checkUnits(BigDecimal units, String field, List<FieldError> errors) {
        if (units == null) {
            return;
        }
        if (units.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        } else if (units.compareTo(MAX_UNITS) > 0) {
            errors.add(new FieldError(field, "must not exceed " + MAX_UNITS.toPlainString()));
        } else if (units.stripTrailingZeros().scale() > MAX_PRICE_DECIMALS) {
            errors.add(new FieldError(field, "must have at most " + MAX_PRICE_DECIMALS + " decimal places"));
        }
    }

    static void checkPrice(BigDecimal price, String field, List<FieldError> errors) {
        if (price == null) {
            return;
        }
        if (price.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        } else if (price.compareTo(MAX_PRICE) > 0) {
            errors.add(new FieldError(field, "must not exceed " + MAX_PRICE.toPlainString()));
        } else if (price.stripTrailingZeros().scale() > MAX_PRICE_DECIMALS) {
            errors.add(new FieldError(field, "must have at most " + MAX_PRICE_DECIMALS + " decimal places"));
        }
    }

    /** Rewrites valid ranges in the canonical inclusive form (each {@code fromValue} = previous toValue + 1). */
    public static List<PriceRange> normalise(List<PriceRange> ranges) {
        List<PriceRange> canonical = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            PriceRange range = ranges.get(i);
            BigDecimal from = i == 0 ? range.fromValue() : ranges.get(i - 1).toValue().add(BigDecimal.ONE);
            canonical.add(new PriceRange(from, range.toValue(), range.perUnitAmount(), range.flatAmount()));
        }
        return canonical;
    }
}
