package com.novabilling.command.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

public class BoundedMetadataValidator implements ConstraintValidator<BoundedMetadata, Map<String, Object>> {

    public static final int MAX_KEYS = 50;
    public static final int MAX_KEY_LENGTH = 40;
    public static final int MAX_VALUE_LENGTH = 500;
    public static final int MAX_DEPTH = 3;
    private static final int MAX_DIGITS = 18;

    @Override
    public boolean isValid(Map<String, Object> metadata, ConstraintValidatorContext context) {
        String problem = metadata == null ? null : objectProblem(metadata, 1);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }

    /** Why {@code metadata} is refused, or null. */
    public static String problem(Map<String, Object> metadata) {
        return metadata == null ? null : objectProblem(metadata, 1);
    }

    private static String objectProblem(Map<?, ?> object, int depth) {
        if (object.size() > MAX_KEYS) {
            return "must have at most " + MAX_KEYS + " keys";
        }
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                return "keys must be 1 to " + MAX_KEY_LENGTH + " characters";
            }
            String problem = valueProblem(entry.getValue(), depth);
            if (problem != null) {
                return "value of '" + key + "' " + problem;
            }
        }
        return null;
    }

    private static String valueProblem(Object value, int depth) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return null;
        }
        if (value instanceof String text) {
            return text.length() > MAX_VALUE_LENGTH ? "must be at most " + MAX_VALUE_LENGTH + " characters" : null;
        }
        if (value instanceof BigInteger integer) {
            return integer.abs().toString().length() > MAX_DIGITS ? "must be less than 10^" + MAX_DIGITS : null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.precision() - decimal.scale() > MAX_DIGITS || decimal.stripTrailingZeros().scale() > MAX_DIGITS
                    ? "must be less than 10^" + MAX_DIGITS + " with at most " + MAX_DIGITS + " decimal places" : null;
        }
        if (value instanceof Number) {
            return "must be a decimal number";
        }
        if (depth >= MAX_DEPTH && (value instanceof Map || value instanceof List)) {
            return "must not nest more than " + MAX_DEPTH + " levels";
        }
        if (value instanceof Map<?, ?> nested) {
            return objectProblem(nested, depth + 1);
        }
        if (value instanceof List<?> list) {
            if (list.size() > MAX_KEYS) {
                return "must have at most " + MAX_KEYS + " items";
            }
            for (Object item : list) {
                String problem = valueProblem(item, depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return "must be text, a number, true, false, null, an object or an array";
    }
}
