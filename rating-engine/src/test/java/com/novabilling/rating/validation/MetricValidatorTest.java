package com.novabilling.rating.validation;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.MetricFilter;
import com.novabilling.rating.RatingEngine;
import com.novabilling.rating.RatingException;
import com.novabilling.rating.aggregation.AggregationType;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.pricing.ChargeModel;
import com.novabilling.rating.pricing.PercentagePricing;
import com.novabilling.rating.pricing.StandardPricing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static com.novabilling.rating.Pricings.dec;
import static com.novabilling.rating.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricValidatorTest {

    @ParameterizedTest
    @EnumSource(value = AggregationType.class, names = {"COUNT", "MAX", "LATEST"})
    void recurringIsRefusedForCountMaxAndLatest(AggregationType type) {
        MetricDefinition metric = MetricDefinition.recurring("m", type, "value");

        assertThat(MetricValidator.validate(metric)).extracting(FieldError::field).containsExactly("recurring");
    }

    @ParameterizedTest
    @EnumSource(value = AggregationType.class, names = {"SUM", "UNIQUE_COUNT", "WEIGHTED_SUM"})
    void recurringIsAllowedForSumUniqueCountAndWeightedSum(AggregationType type) {
        assertThat(MetricValidator.validate(MetricDefinition.recurring("m", type, "value"))).isEmpty();
    }

    @Test
    void fieldIsRequiredExceptForCount() {
        assertThat(MetricValidator.validate(MetricDefinition.of("m", AggregationType.SUM, null)))
                .extracting(FieldError::field).containsExactly("fieldName");
        assertThat(MetricValidator.validate(MetricDefinition.of("m", AggregationType.COUNT, null))).isEmpty();
    }

    @Test
    void filtersNeedAKeyAndValues() {
        MetricDefinition metric = MetricDefinition.of("m", AggregationType.COUNT, null).withFilters(List.of(
                new MetricFilter("region", List.of("eu")), new MetricFilter("region", List.of())));

        assertThat(MetricValidator.validate(metric)).extracting(FieldError::field)
                .containsExactly("filters[1].key", "filters[1].values");
    }

    @Test
    void ratingAnInvalidMetricNamesTheField() {
        MetricDefinition metric = MetricDefinition.recurring("m", AggregationType.MAX, "cpu");
        ChargeDefinition charge = ChargeDefinition.of(CurrencyCode.USD, new StandardPricing(dec("1")));

        assertThatThrownBy(() -> RatingEngine.rate(metric, charge, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"),
                List.of(), CarriedState.NONE))
                .isInstanceOf(RatingException.class)
                .extracting(e -> ((RatingException) e).field()).isEqualTo("recurring");
    }

    @Test
    void percentageNeedsANonRecurringSumMetric() {
        ChargeDefinition charge = ChargeDefinition.of(CurrencyCode.USD, PercentagePricing.ofRate(dec("1")));

        assertThat(ChargeConfigValidator.validate(MetricDefinition.of("m", AggregationType.COUNT, null), charge))
                .extracting(FieldError::field).containsExactly("chargeModel");
        assertThat(ChargeConfigValidator.validate(MetricDefinition.of("m", AggregationType.SUM, "v"), charge))
                .isEmpty();
    }

    @Test
    void pricingMustMatchTheChargeModel() {
        assertThatThrownBy(() -> new ChargeDefinition(ChargeModel.VOLUME, CurrencyCode.USD,
                new StandardPricing(dec("1")), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
