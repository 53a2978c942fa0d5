package com.novabilling.rating.validation;

import com.novabilling.api.error.FieldError;
import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.ChargeFilter;
import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.aggregation.AggregationType;
import com.novabilling.rating.pricing.ChargeModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a charge against its metric at charge creation (docs/billing-rules.md §4.3, §5): pricing properties, charge
 * filters using only keys and values the metric declares, and no two filters of equal specificity that could match the
 * same event.
 */
public final class ChargeConfigValidator {

    private ChargeConfigValidator() {
    }

    public static List<FieldError> validate(MetricDefinition metric, ChargeDefinition charge) {
        List<FieldError> errors = new ArrayList<>();
        if (charge.defaultProperties() == null && charge.filters().isEmpty()) {
            errors.add(new FieldError("properties", "are required when the charge has no filters"));
        }
        if (charge.defaultProperties() != null) {
            errors.addAll(PricingValidator.validate(charge.defaultProperties()));
        }
        if (charge.model() == ChargeModel.PERCENTAGE
                && (metric.aggregationType() != AggregationType.SUM || metric.recurring())) {
            errors.add(new FieldError("chargeModel", "PERCENTAGE needs a non-recurring SUM metric"));
        }
        List<ChargeFilter> filters = charge.filters();
        for (int i = 0; i < filters.size(); i++) {
            errors.addAll(PricingValidator.validate(filters.get(i).properties(), "filters[" + i + "]."));
            checkDeclared(metric, filters.get(i), "filters[" + i + "].values", errors);
        }
        checkTies(filters, errors);
        return errors;
    }

    private static void checkDeclared(MetricDefinition metric, ChargeFilter filter, String field,
                                      List<FieldError> errors) {
        if (filter.values().isEmpty()) {
            errors.add(new FieldError(field, "at least one key is required"));
        }
        Map<String, List<String>> declared = new HashMap<>();
        metric.filters().forEach(metricFilter -> declared.put(metricFilter.key(), metricFilter.values()));
        filter.values().forEach((key, values) -> {
            if (!declared.containsKey(key)) {
                errors.add(new FieldError(field, "key '" + key + "' is not declared on metric " + metric.code()));
            } else if (values.isEmpty()) {
                errors.add(new FieldError(field, "key '" + key + "' needs at least one value"));
            } else {
                values.stream().filter(value -> !declared.get(key).contains(value)).forEach(value ->
                        errors.add(new FieldError(field, "value '" + value + "' is not declared for key '" + key
                                + "' on metric " + metric.code())));
            }
        });
    }

    private static void checkTies(List<ChargeFilter> filters, List<FieldError> errors) {
        for (int j = 1; j < filters.size(); j++) {
            for (int i = 0; i < j; i++) {
                ChargeFilter first = filters.get(i);
                ChargeFilter second = filters.get(j);
                if (first.specificity() != second.specificity()) {
                    continue;
                }
                Optional<Map<String, Set<String>>> overlap = overlap(first, second);
                if (overlap.isPresent() && !resolvedByMoreSpecific(filters, first.specificity(), overlap.get())) {
                    errors.add(new FieldError("filters[" + j + "].values", "has the same specificity as filters["
                            + i + "] and both can match the same event"));
                }
            }
        }
    }

    /** The events both filters match, as allowed values per key; empty when no event can match both. */
    private static Optional<Map<String, Set<String>>> overlap(ChargeFilter first, ChargeFilter second) {
        Map<String, Set<String>> allowed = new HashMap<>();
        first.values().forEach((key, values) -> allowed.put(key, new LinkedHashSet<>(values)));
        for (Map.Entry<String, List<String>> entry : second.values().entrySet()) {
            Set<String> values = allowed.get(entry.getKey());
            if (values == null) {
                allowed.put(entry.getKey(), new LinkedHashSet<>(entry.getValue()));
            } else {
                values.retainAll(entry.getValue());
                if (values.isEmpty()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(allowed);
    }

    /** Whether a single more specific filter matches every event of the overlap, so the tie never decides. */
    private static boolean resolvedByMoreSpecific(List<ChargeFilter> filters, int specificity,
                                                  Map<String, Set<String>> overlap) {
        return filters.stream()
                .filter(filter -> filter.specificity() > specificity)
                .anyMatch(filter -> filter.values().entrySet().stream().allMatch(entry ->
                        overlap.containsKey(entry.getKey()) && entry.getValue().containsAll(overlap.get(entry.getKey()))));
    }
}
