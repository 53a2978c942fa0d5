package com.novabilling.rating;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.charge.ChargeFilterPricing;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.ChargeRange;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricRounding;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.rating.aggregation.AggregationType;
import com.novabilling.rating.pricing.ChargeModel;
import com.novabilling.rating.pricing.GraduatedPricing;
import com.novabilling.rating.pricing.PackagePricing;
import com.novabilling.rating.pricing.PercentagePricing;
import com.novabilling.rating.pricing.PriceRange;
import com.novabilling.rating.pricing.PricingProperties;
import com.novabilling.rating.pricing.StandardPricing;
import com.novabilling.rating.pricing.UnitRounding;
import com.novabilling.rating.pricing.VolumePricing;
import com.novabilling.rating.validation.ChargeConfigValidator;
import com.novabilling.rating.validation.MetricValidator;
import com.novabilling.rating.validation.RangeValidator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Billable metrics and charges as the API and the events speak them ({@code com.novabilling.api.metric},
 * {@code com.novabilling.api.charge}), mapped to the engine's definitions and validated with the engine's rules.
 * Field paths of the errors are the API's: {@code graduatedRanges[1].fromValue}, {@code filters[0].properties.amount}.
 *
 * <p>The validators check the shape first (nulls, pricing fields of another model) because the engine's
 * definitions cannot even be built from such input; only then do the engine's own validators run.
 */
public final class ChargeDefinitions {

    private static final List<String> STANDARD_OPTIONS = List.of("amount");
    private static final List<String> PACKAGE_OPTIONS = List.of("packageSize", "amount", "freeUnits");
    private static final List<String> PERCENTAGE_OPTIONS = List.of("rate", "fixedAmount", "freeUnitsPerEvents",
            "freeUnitsPerTotalAggregation", "perTransactionMin", "perTransactionMax");
    private static final Map<String, Function<ChargeProperties, BigDecimal>> OPTIONS = options();

    private ChargeDefinitions() {
    }

    // ---- billable metrics

    /** Every problem of the metric, or an empty list. */
    public static List<FieldError> validate(BillableMetricDefinition metric) {
        List<FieldError> errors = new ArrayList<>();
        if (metric.aggregationType() == null) {
            errors.add(new FieldError("aggregationType", "is required"));
        }
        for (int i = 0; i < metric.filters().size(); i++) {
            BillableMetricFilter filter = metric.filters().get(i);
            String path = "filters[" + i + "]";
            if (filter == null) {
                errors.add(new FieldError(path, "must not be null"));
            } else if (filter.key() == null) {
                errors.add(new FieldError(path + ".key", "is required"));
            } else if (filter.values() != null && filter.values().stream().anyMatch(v -> v == null || v.isBlank())) {
                errors.add(new FieldError(path + ".values", "must not contain empty values"));
            }
        }
        if (metric.rounding() != null && metric.rounding().mode() == null) {
            errors.add(new FieldError("rounding.mode", "is required: ROUND, CEIL or FLOOR"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        return MetricValidator.validate(metric(metric));
    }

    /** The engine's definition of a metric that {@link #validate(BillableMetricDefinition)} accepts. */
    public static MetricDefinition metric(BillableMetricDefinition metric) {
        List<MetricFilter> filters = metric.filters().stream()
                .map(filter -> new MetricFilter(filter.key(), filter.values()))
                .toList();
        return new MetricDefinition(metric.code(), AggregationType.valueOf(metric.aggregationType().name()),
                metric.fieldName(), metric.recurring(), filters, rounding(metric.rounding()));
    }

    private static UnitRounding rounding(BillableMetricRounding rounding) {
        if (rounding == null) {
            return null;
        }
        int digits = rounding.digits() == null ? 0 : rounding.digits();
        return new UnitRounding(UnitRounding.Mode.valueOf(rounding.mode().name()), digits);
    }

    // ---- charges

    /**
     * Every problem of a charge of {@code metric}: billing timing (docs/billing-rules.md §4.2), pricing fields of
     * another model, then the engine's pricing, range and filter rules ({@link ChargeConfigValidator}).
     *
     * @param timing null means IN_ARREARS
     */
    public static List<FieldError> validate(BillableMetricDefinition metric, BillingTiming timing, CurrencyCode currency,
                                            ChargePricing pricing) {
        List<FieldError> errors = new ArrayList<>();
        MetricDefinition engineMetric = metric(metric);
        if (timing == BillingTiming.IN_ADVANCE && !engineMetric.aggregationType().billableInAdvance()) {
            errors.add(new FieldError("billingTiming", "IN_ADVANCE is only possible for COUNT, SUM and UNIQUE_COUNT "
                    + "metrics; " + metric.code() + " is " + metric.aggregationType()));
        }
        List<FieldError> shape = shapeErrors(pricing);
        errors.addAll(shape);
        if (shape.isEmpty()) {
            errors.addAll(ChargeConfigValidator.validate(engineMetric, charge(currency, pricing)));
        }
        return errors;
    }

    /** The engine's definition of a charge whose pricing {@link #validate} accepts. */
    public static ChargeDefinition charge(CurrencyCode currency, ChargePricing pricing) {
        com.novabilling.api.charge.ChargeModel model = pricing.chargeModel();
        List<ChargeFilter> filters = pricing.filtersOrNone().stream()
                .map(filter -> new ChargeFilter(filter.values(),
                        pricingOf(model, filter.properties(), filter.graduatedRanges(), filter.volumeRanges())))
                .toList();
        return new ChargeDefinition(ChargeModel.valueOf(model.name()), currency,
                pricingOf(model, pricing.properties(), pricing.graduatedRanges(), pricing.volumeRanges()), filters);
    }

    /**
     * The pricing with ranges in the canonical inclusive form (the adjacent form {@code fromValue = previous toValue}
     * becomes {@code previous toValue + 1}), unset fields of the model as null and values otherwise exactly as sent.
     * Only for pricing that {@link #validate} accepts.
     */
    public static ChargePricing normalise(ChargePricing pricing) {
        List<ChargeFilterPricing> filters = pricing.filtersOrNone().stream()
                .map(filter -> new ChargeFilterPricing(filter.values(), presentOrNull(filter.properties()),
                        normalise(filter.graduatedRanges()), normalise(filter.volumeRanges())))
                .toList();
        return new ChargePricing(pricing.chargeModel(), presentOrNull(pricing.properties()),
                normalise(pricing.graduatedRanges()), normalise(pricing.volumeRanges()), filters);
    }

    private static List<ChargeRange> normalise(List<ChargeRange> ranges) {
        if (ranges == null || ranges.isEmpty()) {
            return null;
        }
        List<PriceRange> canonical = RangeValidator.normalise(ranges.stream().map(ChargeDefinitions::range).toList());
        List<ChargeRange> result = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            ChargeRange sent = ranges.get(i);
            BigDecimal from = canonical.get(i).fromValue();
            result.add(from.compareTo(sent.fromValue()) == 0 ? sent
                    : new ChargeRange(from, sent.toValue(), sent.perUnitAmount(), sent.flatAmount()));
        }
        return List.copyOf(result);
    }

    private static ChargeProperties presentOrNull(ChargeProperties properties) {
        return isSet(properties) ? properties : null;
    }

    private static List<FieldError> shapeErrors(ChargePricing pricing) {
        List<FieldError> errors = new ArrayList<>();
        com.novabilling.api.charge.ChargeModel model = pricing.chargeModel();
        if (model == null) {
            errors.add(new FieldError("chargeModel", "is required"));
            return errors;
        }
        boolean hasDefault = checkPricing(model, pricing.properties(), pricing.graduatedRanges(),
                pricing.volumeRanges(), "", errors);
        if (!hasDefault && pricing.filtersOrNone().isEmpty()) {
            errors.add(new FieldError(pricingField(model), "is required for the " + model + " model"));
        }
        for (int i = 0; i < pricing.filtersOrNone().size(); i++) {
            ChargeFilterPricing filter = pricing.filtersOrNone().get(i);
            String prefix = "filters[" + i + "].";
            if (filter == null) {
                errors.add(new FieldError("filters[" + i + "]", "must not be null"));
                continue;
            }
            if (filter.values() != null && filter.values().values().stream()
                    .anyMatch(values -> values != null && values.stream().anyMatch(Objects::isNull))) {
                errors.add(new FieldError(prefix + "values", "must not contain null values"));
            }
            boolean priced = checkPricing(model, filter.properties(), filter.graduatedRanges(), filter.volumeRanges(),
                    prefix, errors);
            if (!priced) {
                errors.add(new FieldError(prefix + pricingField(model), "is required for the " + model + " model"));
            }
        }
        return errors;
    }

    /** Reports pricing fields that do not belong to the model; answers whether the model's own field is given. */
    private static boolean checkPricing(com.novabilling.api.charge.ChargeModel model, ChargeProperties properties,
                                        List<ChargeRange> graduated, List<ChargeRange> volume, String prefix,
                                        List<FieldError> errors) {
        boolean ranged = model == com.novabilling.api.charge.ChargeModel.GRADUATED
                || model == com.novabilling.api.charge.ChargeModel.VOLUME;
        if (isSet(graduated) && model != com.novabilling.api.charge.ChargeModel.GRADUATED) {
            errors.add(notOfModel(prefix + "graduatedRanges", model));
        }
        if (isSet(volume) && model != com.novabilling.api.charge.ChargeModel.VOLUME) {
            errors.add(notOfModel(prefix + "volumeRanges", model));
        }
        if (isSet(properties)) {
            if (ranged) {
                errors.add(notOfModel(prefix + "properties", model));
            } else {
                List<String> allowed = optionsOf(model);
                OPTIONS.forEach((name, option) -> {
                    if (option.apply(properties) != null && !allowed.contains(name)) {
                        errors.add(notOfModel(prefix + "properties." + name, model));
                    }
                });
                checkWholeNumber(properties.freeUnitsPerEvents(), prefix + "properties.freeUnitsPerEvents", errors);
            }
        }
        List<ChargeRange> own = model == com.novabilling.api.charge.ChargeModel.GRADUATED ? graduated : volume;
        if (ranged && own != null) {
            for (int i = 0; i < own.size(); i++) {
                if (own.get(i) == null) {
                    errors.add(new FieldError(prefix + pricingField(model) + "[" + i + "]", "must not be null"));
                }
            }
        }
        return ranged ? isSet(own) : isSet(properties);
    }

    private static void checkWholeNumber(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        try {
            value.longValueExact();
        } catch (ArithmeticException e) {
            errors.add(new FieldError(field, "must be a whole number of events"));
        }
    }

    private static FieldError notOfModel(String field, com.novabilling.api.charge.ChargeModel model) {
        return new FieldError(field, "does not apply to the " + model + " model");
    }

    private static String pricingField(com.novabilling.api.charge.ChargeModel model) {
        return switch (model) {
            case GRADUATED -> "graduatedRanges";
            case VOLUME -> "volumeRanges";
            default -> "properties";
        };
    }

    private static List<String> optionsOf(com.novabilling.api.charge.ChargeModel model) {
        return switch (model) {
            case STANDARD -> STANDARD_OPTIONS;
            case PACKAGE -> PACKAGE_OPTIONS;
            case PERCENTAGE -> PERCENTAGE_OPTIONS;
            default -> List.of();
        };
    }

    private static boolean isSet(List<ChargeRange> ranges) {
        return ranges != null && !ranges.isEmpty();
    }

    private static boolean isSet(ChargeProperties properties) {
        return properties != null && OPTIONS.values().stream().anyMatch(option -> option.apply(properties) != null);
    }

    private static PricingProperties pricingOf(com.novabilling.api.charge.ChargeModel model, ChargeProperties properties,
                                               List<ChargeRange> graduated, List<ChargeRange> volume) {
        return switch (model) {
            case GRADUATED -> isSet(graduated) ? new GraduatedPricing(ranges(graduated)) : null;
            case VOLUME -> isSet(volume) ? new VolumePricing(ranges(volume)) : null;
            case STANDARD -> isSet(properties) ? new StandardPricing(properties.amount()) : null;
            case PACKAGE -> isSet(properties)
                    ? new PackagePricing(properties.packageSize(), properties.amount(), properties.freeUnits())
                    : null;
            case PERCENTAGE -> isSet(properties)
                    ? new PercentagePricing(properties.rate(), properties.fixedAmount(),
                    properties.freeUnitsPerEvents() == null ? null : properties.freeUnitsPerEvents().longValueExact(),
                    properties.freeUnitsPerTotalAggregation(), properties.perTransactionMin(),
                    properties.perTransactionMax())
                    : null;
        };
    }

    private static List<PriceRange> ranges(List<ChargeRange> ranges) {
        return ranges.stream().map(ChargeDefinitions::range).toList();
    }

    private static PriceRange range(ChargeRange range) {
        return new PriceRange(range.fromValue(), range.toValue(), range.perUnitAmount(), range.flatAmount());
    }

    private static Map<String, Function<ChargeProperties, BigDecimal>> options() {
        Map<String, Function<ChargeProperties, BigDecimal>> options = new LinkedHashMap<>();
        options.put("amount", ChargeProperties::amount);
        options.put("packageSize", ChargeProperties::packageSize);
        options.put("freeUnits", ChargeProperties::freeUnits);
        options.put("rate", ChargeProperties::rate);
        options.put("fixedAmount", ChargeProperties::fixedAmount);
        options.put("freeUnitsPerEvents", ChargeProperties::freeUnitsPerEvents);
        options.put("freeUnitsPerTotalAggregation", ChargeProperties::freeUnitsPerTotalAggregation);
        options.put("perTransactionMin", ChargeProperties::perTransactionMin);
        options.put("perTransactionMax", ChargeProperties::perTransactionMax);
        return options;
    }
}
