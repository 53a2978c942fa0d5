package com.novabilling.rating;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.rating.aggregation.AggregationType;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.pricing.BucketFee;
import com.novabilling.rating.pricing.ChargeModel;
import com.novabilling.rating.pricing.GraduatedPricing;
import com.novabilling.rating.pricing.PriceRange;
import com.novabilling.rating.pricing.StandardPricing;
import com.novabilling.rating.validation.ChargeConfigValidator;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.novabilling.rating.Pricings.dec;
import static com.novabilling.rating.TestEvents.at;
import static com.novabilling.rating.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked example F1 of docs/billing-rules.md §4.4 and the charge filter rules. */
class ChargeFilterTest {
    static final Instant MARCH = at("2026-03-01T00:00:00Z");
    static final Instant APRIL = at("2026-04-01T00:00:00Z");
    static final MetricDefinition CALLS = MetricDefinition.of("api_calls", AggregationType.COUNT, null)
            .withFilters(List.of(new MetricFilter("region", List.of("us-east", "us-west", "eu")),
                    new MetricFilter("tier", List.of("gold", "silver"))));

    static ChargeFilter filter(Map<String, List<String>> values, String unitPrice) {
        return new ChargeFilter(values, new StandardPricing(dec(unitPrice)));
    }

    static ChargeDefinition f1Charge(StandardPricing defaultPricing) {
        return new ChargeDefinition(ChargeModel.STANDARD, CurrencyCode.USD, defaultPricing, List.of(
                filter(Map.of("region", List.of("us-east")), "0.05"),
                filter(Map.of("region", List.of("eu")), "0.20"),
                filter(Map.of("region", List.of("eu"), "tier", List.of("gold")), "0.15")));
    }

    static List<UsageEvent> f1Events() {
        List<UsageEvent> events = new ArrayList<>();
        repeat(events, 100, "region", "us-east");
        repeat(events, 50, "region", "eu");
        repeat(events, 30, "region", "eu", "tier", "gold");
        repeat(events, 20, "region", "us-west");
        repeat(events, 10);
        return events;
    }

    private static void repeat(List<UsageEvent> events, int times, Object... properties) {
        for (int i = 0; i < times; i++) {
            events.add(event("2026-03-10T00:00:00Z", properties));
        }
    }

    static Money usd(String major) {
        return Money.ofMajor(dec(major), CurrencyCode.USD);
    }

    @Test
    void f1_eachBucketIsPricedSeparately() {
        RatingResult result = RatingEngine.rate(CALLS, f1Charge(new StandardPricing(dec("0.10"))), MARCH, APRIL,
                f1Events(), CarriedState.NONE);

        assertThat(result.fees()).extracting(fee -> fee.bucket().label())
                .containsExactly("region=[us-east]", "region=[eu]", "region=[eu], tier=[gold]", "default");
        assertThat(result.fees()).extracting(BucketFee::units).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("100"), dec("50"), dec("30"), dec("30"));
        assertThat(result.fees()).extracting(BucketFee::amount)
                .containsExactly(usd("5.00"), usd("10.00"), usd("4.50"), usd("3.00"));
        assertThat(result.amount()).isEqualTo(usd("22.50"));
        assertThat(result.breakdown()).hasSize(4);
    }

    @Test
    void f1_contrast_ignoringFiltersWouldGive21() {
        RatingResult filtered = RatingEngine.rate(CALLS, f1Charge(new StandardPricing(dec("0.10"))), MARCH, APRIL,
                f1Events(), CarriedState.NONE);
        RatingResult unfiltered = RatingEngine.rate(CALLS,
                ChargeDefinition.of(CurrencyCode.USD, new StandardPricing(dec("0.10"))), MARCH, APRIL, f1Events(),
                CarriedState.NONE);

        assertThat(unfiltered.amount()).isEqualTo(usd("21.00"));
        assertThat(filtered.amount()).isEqualTo(usd("22.50")).isNotEqualTo(unfiltered.amount());
    }

    @Test
    void defaultBucketIsNotBilledWithoutDefaultProperties() {
        RatingResult result = RatingEngine.rate(CALLS, f1Charge(null), MARCH, APRIL, f1Events(), CarriedState.NONE);

        assertThat(result.amount()).isEqualTo(usd("19.50"));
        assertThat(result.fees()).noneMatch(fee -> fee.bucket().isDefault());
    }

    @Test
    void graduatedTiersRestartPerBucket() {
        GraduatedPricing pricing = new GraduatedPricing(List.of(PriceRange.of(0, 10L, "0", "0"),
                PriceRange.of(11, null, "1", "0")));
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.GRADUATED, CurrencyCode.USD, pricing,
                List.of(new ChargeFilter(Map.of("region", List.of("eu")), pricing)));
        List<UsageEvent> events = new ArrayList<>();
        repeat(events, 15, "region", "eu");
        repeat(events, 15, "region", "us-east");

        RatingResult result = RatingEngine.rate(CALLS, charge, MARCH, APRIL, events, CarriedState.NONE);

        assertThat(result.amount()).isEqualTo(usd("10.00")); // 5 + 5, not 20 for 30 units in one bucket
    }

    @Test
    void bucketWithZeroUnitsProducesNoFeeLine() {
        RatingResult result = RatingEngine.rate(CALLS, f1Charge(new StandardPricing(dec("0.10"))), MARCH, APRIL,
                List.of(event("2026-03-10T00:00:00Z", "region", "eu")), CarriedState.NONE);

        assertThat(result.fees()).singleElement().satisfies(fee -> assertThat(fee.bucket().label())
                .isEqualTo("region=[eu]"));
    }

    @Test
    void numericPropertyValuesMatchTheirTextForm() {
        MetricDefinition metric = MetricDefinition.of("calls", AggregationType.COUNT, null)
                .withFilters(List.of(new MetricFilter("zone", List.of("1", "2"))));
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.STANDARD, CurrencyCode.USD, null,
                List.of(filter(Map.of("zone", List.of("1")), "1")));

        RatingResult result = RatingEngine.rate(metric, charge, MARCH, APRIL,
                List.of(event("2026-03-10T00:00:00Z", "zone", 1), event("2026-03-10T00:00:00Z", "zone", 2)),
                CarriedState.NONE);

        assertThat(result.amount()).isEqualTo(usd("1.00"));
    }

    @Test
    void recurringStateIsCarriedPerBucket() {
        MetricDefinition seats = MetricDefinition.recurring("seats", AggregationType.SUM, "seats")
                .withFilters(List.of(new MetricFilter("region", List.of("eu", "us-east"))));
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.STANDARD, CurrencyCode.USD,
                new StandardPricing(dec("1")), List.of(filter(Map.of("region", List.of("eu")), "2")));
        RatingResult march = RatingEngine.rate(seats, charge, MARCH, APRIL,
                List.of(event("2026-03-10T00:00:00Z", "seats", 3, "region", "eu"),
                        event("2026-03-10T00:00:00Z", "seats", 5)), CarriedState.NONE);

        RatingResult april = RatingEngine.rate(seats, charge, APRIL, at("2026-05-01T00:00:00Z"),
                List.of(event("2026-04-10T00:00:00Z", "seats", 1, "region", "eu")), march.closingState());

        assertThat(march.amount()).isEqualTo(usd("11.00"));
        assertThat(april.closingState()).isEqualTo(new CarriedState.PerBucket(Map.of(
                "region=[eu]", new CarriedState.RunningTotal(dec("4")),
                "default", new CarriedState.RunningTotal(dec("5")))));
        assertThat(april.amount()).isEqualTo(usd("13.00"));
    }

    @Test
    void chargeFiltersMayOnlyUseDeclaredKeysAndValues() {
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.STANDARD, CurrencyCode.USD,
                new StandardPricing(dec("0.10")), List.of(
                filter(Map.of("region", List.of("eu")), "0.20"),
                filter(Map.of("region", List.of("ap-south")), "0.20"),
                filter(Map.of("colour", List.of("red")), "0.20")));

        assertThat(ChargeConfigValidator.validate(CALLS, charge))
                .filteredOn(error -> error.message().contains("not declared"))
                .containsExactly(
                        new FieldError("filters[1].values",
                                "value 'ap-south' is not declared for key 'region' on metric api_calls"),
                        new FieldError("filters[2].values", "key 'colour' is not declared on metric api_calls"));
    }

    @Test
    void f1ConfigurationIsValid() {
        assertThat(ChargeConfigValidator.validate(CALLS, f1Charge(new StandardPricing(dec("0.10"))))).isEmpty();
    }

    @Test
    void tieOfEqualSpecificityThatCouldMatchTheSameEventIsRejected() {
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.STANDARD, CurrencyCode.USD, null, List.of(
                filter(Map.of("region", List.of("eu")), "0.20"),
                filter(Map.of("tier", List.of("gold")), "0.15")));

        assertThat(ChargeConfigValidator.validate(CALLS, charge))
                .containsExactly(new FieldError("filters[1].values",
                        "has the same specificity as filters[0] and both can match the same event"));
    }

    @Test
    void overlappingValuesOnTheSameKeyAreATie() {
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.STANDARD, CurrencyCode.USD, null, List.of(
                filter(Map.of("region", List.of("eu", "us-east")), "0.20"),
                filter(Map.of("region", List.of("eu")), "0.15")));

        assertThat(ChargeConfigValidator.validate(CALLS, charge)).extracting(FieldError::field)
                .containsExactly("filters[1].values");
    }

    @Test
    void disjointFiltersOfEqualSpecificityAreFine() {
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.STANDARD, CurrencyCode.USD, null, List.of(
                filter(Map.of("region", List.of("eu"), "tier", List.of("gold")), "0.20"),
                filter(Map.of("region", List.of("eu"), "tier", List.of("silver")), "0.15")));

        assertThat(ChargeConfigValidator.validate(CALLS, charge)).isEmpty();
    }

    @Test
    void tieCoveredByAMoreSpecificFilterIsFine() {
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.STANDARD, CurrencyCode.USD, null, List.of(
                filter(Map.of("region", List.of("eu")), "0.20"),
                filter(Map.of("tier", List.of("gold")), "0.15"),
                filter(Map.of("region", List.of("eu"), "tier", List.of("gold")), "0.10")));

        assertThat(ChargeConfigValidator.validate(CALLS, charge)).isEmpty();
    }

    @Test
    void ratingRefusesAnAmbiguousConfiguration() {
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.STANDARD, CurrencyCode.USD, null, List.of(
                filter(Map.of("region", List.of("eu")), "0.20"),
                filter(Map.of("tier", List.of("gold")), "0.15")));

        assertThatThrownBy(() -> RatingEngine.rate(CALLS, charge, MARCH, APRIL, f1Events(), CarriedState.NONE))
                .isInstanceOf(RatingException.class)
                .hasMessageContaining("filters[1].values");
    }
}
