package com.novabilling.rating.validation;

import com.novabilling.api.error.FieldError;
import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.MetricFilter;
import com.novabilling.rating.aggregation.AggregationType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validates a billable metric definition (docs/billing-rules.md §2.1, §3, §4.3) for the REST layer. */
public final class MetricValidator {

    private MetricValidator() {
    }

    public static List<FieldError> validate(MetricDefinition metric) {
        List<FieldError> errors = new ArrayList<>();
        if (metric.code() == null || metric.code().isBlank()) {
            errors.add(new FieldError("code", "is required"));
        }
        AggregationType type = metric.aggregationType();
        if (type.needsField() && (metric.fieldName() == null || metric.fieldName().isBlank())) {
            errors.add(new FieldError("fieldName", type + " needs the event property to aggregate"));
        }
        if (metric.recurring() && !type.supportsRecurring()) {
            errors.add(new FieldError("recurring", type + " metrics cannot be recurring; only SUM, UNIQUE_COUNT "
                    + "and WEIGHTED_SUM can"));
        }
        if (metric.rounding() != null && metric.rounding().digits() < 0) {
            errors.add(new FieldError("rounding.digits", "must not be negative"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < metric.filters().size(); i++) {
            MetricFilter filter = metric.filters().get(i);
            if (filter.key().isBlank()) {
                errors.add(new FieldError("filters[" + i + "].key", "is required"));
            } else if (!keys.add(filter.key())) {
                errors.add(new FieldError("filters[" + i + "].key", "'" + filter.key() + "' is declared twice"));
            }
            if (filter.values().isEmpty()) {
                errors.add(new FieldError("filters[" + i + "].values", "at least one value is required"));
            }
        }
        return errors;
    }
}
