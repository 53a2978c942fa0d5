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
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.pricing.BreakdownLine;
import com.novabilling.rating.pricing.UnitRounding;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.novabilling.api.charge.ChargeModel.GRADUATED;
import static com.novabilling.api.charge.ChargeModel.PACKAGE;
import static com.novabilling.api.charge.ChargeModel.PERCENTAGE;
import static com.novabilling.api.charge.ChargeModel.STANDARD;
import static com.novabilling.api.charge.ChargeModel.VOLUME;
import static com.novabilling.rating.Pricings.dec;
import static org.assertj.core.api.Assertions.assertThat;

class ChargeDefinitionsTest {

    private static final BillableMetricDefinition API_CALLS = new BillableMetricDefinition("api_calls",
            com.novabilling.api.metric.AggregationType.COUNT, null, false,
            List.of(new BillableMetricFilter("region", List.of("us-east", "us-west", "eu")),
                    new BillableMetricFilter("tier", List.of("gold"))), null);
    private static final BillableMetricDefinition PAYMENTS = new BillableMetricDefinition("payments",
            com.novabilling.api.metric.AggregationType.SUM, "amount", false, List.of(), null);
    private static final BillableMetricDefinition CPU = new BillableMetricDefinition("cpu",
            com.novabilling.api.metric.AggregationType.MAX, "cpu", false, List.of(), null);

    private static List<ChargeRange> seedRanges() {
        return List.of(new ChargeRange(dec("0"), dec("1000"), dec("0"), dec("0")),
                new ChargeRange(dec("1001"), dec("10000"), dec("0.01"), dec("0")),
                new ChargeRange(dec("10001"), null, dec("0.005"), dec("0")));
    }

    private static ChargePricing graduated(List<ChargeRange> ranges) {
        return new ChargePricing(GRADUATED, null, ranges, null, List.of());
    }

    private static ChargeProperties standard(BigDecimal amount) {
        return new ChargeProperties(amount, null, null, null, null, null, null, null, null);
    }

    private static ChargeProperties packaged(BigDecimal packageSize, BigDecimal amount, BigDecimal freeUnits) {
        return new ChargeProperties(amount, packageSize, freeUnits, null, null, null, null, null, null);
    }

    private static ChargeProperties percentage(BigDecimal rate) {
        return new ChargeProperties(null, null, null, rate, null, null, null, null, null);
    }

    private static ChargePricing withProperties(com.novabilling.api.charge.ChargeModel model, ChargeProperties properties) {
        return new ChargePricing(model, properties, null, null, List.of());
    }

    private static List<String> fields(BillableMetricDefinition metric, BillingTiming timing, ChargePricing pricing) {
        return ChargeDefinitions.validate(metric, timing, CurrencyCode.USD, pricing).stream().map(FieldError::field).toList();
    }

    @Test
    void seedGraduatedChargePricesFifteenThousandUnitsAtUsd115() {
        assertThat(fields(API_CALLS, BillingTiming.IN_ARREARS, graduated(seedRanges()))).isEmpty();

        RatingResult result = RatingEngine.priceUnits(ChargeDefinitions.charge(CurrencyCode.USD,
                graduated(seedRanges())), dec("15000"));

        assertThat(result.amount().toMajor()).isEqualByComparingTo("115.00");
        assertThat(result.breakdown()).extracting(BreakdownLine::units).extracting(BigDecimal::toPlainString)
                .containsExactly("1000", "9000", "5000");
    }

    @Test
    void inclusiveRangesAreKeptExactlyAsSentAndTheAdjacentFormIsNormalised() {
        assertThat(ChargeDefinitions.normalise(graduated(seedRanges())).graduatedRanges()).isEqualTo(seedRanges());

        List<ChargeRange> adjacent = List.of(new ChargeRange(dec("0"), dec("1000"), dec("0"), null),
                new ChargeRange(dec("1000"), null, dec("0.01"), null));
        assertThat(fields(API_CALLS, null, graduated(adjacent))).isEmpty();
        assertThat(ChargeDefinitions.normalise(graduated(adjacent)).graduatedRanges().get(1).fromValue())
                .isEqualByComparingTo("1001");
    }

    @Test
    void rangeErrorsNameTheRange() {
        List<ChargeRange> gap = new ArrayList<>(seedRanges());
        gap.set(1, new ChargeRange(dec("1002"), dec("10000"), dec("0.01"), dec("0")));
        assertThat(fields(API_CALLS, null, graduated(gap))).containsExactly("graduatedRanges[1].fromValue");

        List<ChargeRange> notFromZero = new ArrayList<>(seedRanges());
        notFromZero.set(0, new ChargeRange(dec("1"), dec("1000"), dec("0"), dec("0")));
        assertThat(fields(API_CALLS, null, graduated(notFromZero))).containsExactly("graduatedRanges[0].fromValue");

        List<ChargeRange> openMiddle = new ArrayList<>(seedRanges());
        openMiddle.set(1, new ChargeRange(dec("1001"), null, dec("0.01"), dec("0")));
        assertThat(fields(API_CALLS, null, graduated(openMiddle))).contains("graduatedRanges[1].toValue");

        List<ChargeRange> negativePrice = new ArrayList<>(seedRanges());
        negativePrice.set(2, new ChargeRange(dec("10001"), null, dec("-0.005"), dec("0")));
        assertThat(fields(API_CALLS, null, graduated(negativePrice))).containsExactly("graduatedRanges[2].perUnitAmount");

        assertThat(fields(API_CALLS, null, graduated(Arrays.asList(seedRanges().get(0), null))))
                .containsExactly("graduatedRanges[1]");
    }

    @Test
    void pricingFieldsOfAnotherModelAreNamed() {
        assertThat(fields(API_CALLS, null, new ChargePricing(STANDARD, standard(dec("0.1")),
                seedRanges(), seedRanges(), List.of()))).containsExactly("graduatedRanges", "volumeRanges");
        assertThat(fields(API_CALLS, null, new ChargePricing(VOLUME, standard(dec("0.1")),
                null, seedRanges(), List.of()))).containsExactly("properties");
        assertThat(fields(API_CALLS, null, withProperties(STANDARD,
                packaged(dec("100"), dec("5"), null)))).containsExactly("properties.packageSize");
        assertThat(fields(PAYMENTS, null, withProperties(PERCENTAGE,
                new ChargeProperties(dec("1"), null, null, dec("1.5"), null, null, null, null, null))))
                .containsExactly("properties.amount");
    }

    @Test
    void missingPricingNamesTheModelsField() {
        assertThat(fields(API_CALLS, null, graduated(null))).containsExactly("graduatedRanges");
        assertThat(fields(API_CALLS, null, new ChargePricing(VOLUME, null, null, List.of(), List.of())))
                .containsExactly("volumeRanges");
        assertThat(fields(API_CALLS, null, withProperties(STANDARD, new ChargeProperties(null, null, null, null, null,
                null, null, null, null)))).containsExactly("properties");
        assertThat(fields(API_CALLS, null, new ChargePricing(null, null, null, null, List.of())))
                .containsExactly("chargeModel");
    }

    @Test
    void modelOptionsAreValidatedByTheEngine() {
        assertThat(fields(PAYMENTS, null, withProperties(PERCENTAGE, percentage(dec("150")))))
                .containsExactly("properties.rate");
        assertThat(fields(API_CALLS, null, withProperties(PACKAGE, packaged(dec("0"), dec("5"), null))))
                .containsExactly("properties.packageSize");
        assertThat(fields(PAYMENTS, null, withProperties(PERCENTAGE,
                new ChargeProperties(null, null, null, dec("1"), null, null, null, dec("600"), dec("200")))))
                .containsExactly("properties.perTransactionMax");
        assertThat(fields(PAYMENTS, null, withProperties(PERCENTAGE,
                new ChargeProperties(null, null, null, dec("1"), null, dec("2.5"), null, null, null))))
                .containsExactly("properties.freeUnitsPerEvents");
        assertThat(fields(API_CALLS, null, withProperties(PERCENTAGE, percentage(dec("1")))))
                .as("PERCENTAGE needs a SUM metric").containsExactly("chargeModel");
    }

    @Test
    void inAdvanceOnlyForCountSumAndUniqueCount() {
        ChargePricing standard = withProperties(STANDARD, standard(dec("0.1")));
        assertThat(fields(CPU, BillingTiming.IN_ADVANCE, standard)).containsExactly("billingTiming");
        assertThat(fields(CPU, BillingTiming.IN_ARREARS, standard)).isEmpty();
        assertThat(fields(API_CALLS, BillingTiming.IN_ADVANCE, standard)).isEmpty();
        assertThat(fields(PAYMENTS, BillingTiming.IN_ADVANCE, standard)).isEmpty();
    }

    @Test
    void filtersUseTheMetricsDeclaredValuesAndTheirOwnPricingField() {
        ChargeFilterPricing eu = new ChargeFilterPricing(Map.of("region", List.of("eu")),
                standard(dec("0.2")), null, null);
        ChargeFilterPricing asia = new ChargeFilterPricing(Map.of("region", List.of("asia")),
                standard(dec("0.2")), null, null);
        ChargeFilterPricing unpriced = new ChargeFilterPricing(Map.of("region", List.of("eu")), null, null, null);

        assertThat(fields(API_CALLS, null, new ChargePricing(STANDARD, null, null, null, List.of(eu)))).isEmpty();
        assertThat(fields(API_CALLS, null, new ChargePricing(STANDARD, null, null, null, List.of(eu, asia))))
                .containsExactly("filters[1].values");
        assertThat(fields(API_CALLS, null, new ChargePricing(STANDARD, null, null, null, List.of(unpriced))))
                .containsExactly("filters[0].properties");
        assertThat(fields(API_CALLS, null, new ChargePricing(GRADUATED, null, seedRanges(), null, List.of(eu))))
                .containsExactly("filters[0].properties", "filters[0].graduatedRanges");
    }

    @Test
    void workedExampleF1RatesThroughTheMappedDefinitions() {
        ChargePricing f1 = new ChargePricing(STANDARD, standard(dec("0.10")), null, null, List.of(
                new ChargeFilterPricing(Map.of("region", List.of("us-east")), standard(dec("0.05")), null, null),
                new ChargeFilterPricing(Map.of("region", List.of("eu")), standard(dec("0.20")), null, null),
                new ChargeFilterPricing(Map.of("region", List.of("eu"), "tier", List.of("gold")),
                        standard(dec("0.15")), null, null)));
        assertThat(fields(API_CALLS, null, f1)).isEmpty();
        List<UsageEvent> events = new ArrayList<>();
        addEvents(events, 100, "region", "us-east");
        addEvents(events, 50, "region", "eu");
        addEvents(events, 30, "region", "eu", "tier", "gold");
        addEvents(events, 20, "region", "us-west");
        addEvents(events, 10);

        RatingResult result = RatingEngine.rate(ChargeDefinitions.metric(API_CALLS),
                ChargeDefinitions.charge(CurrencyCode.USD, f1), TestEvents.at("2026-03-01T00:00:00Z"),
                TestEvents.at("2026-04-01T00:00:00Z"), events, CarriedState.NONE);

        assertThat(result.amount().toMajor()).isEqualByComparingTo("22.50");
    }

    @Test
    void metricsAreValidatedWithTheEnginesFieldNames() {
        assertThat(metricFields(new BillableMetricDefinition("storage",
                com.novabilling.api.metric.AggregationType.SUM, null, false, List.of(), null))).containsExactly("fieldName");
        assertThat(metricFields(new BillableMetricDefinition("calls",
                com.novabilling.api.metric.AggregationType.COUNT, null, true, List.of(), null))).containsExactly("recurring");
        assertThat(metricFields(new BillableMetricDefinition("calls",
                com.novabilling.api.metric.AggregationType.COUNT, null, false,
                List.of(new BillableMetricFilter(null, List.of("eu")), new BillableMetricFilter("tier", List.of())),
                new BillableMetricRounding(null, 2)))).containsExactly("filters[0].key", "rounding.mode");
        assertThat(metricFields(new BillableMetricDefinition("calls",
                com.novabilling.api.metric.AggregationType.COUNT, null, false,
                List.of(new BillableMetricFilter("tier", List.of())), new BillableMetricRounding(
                BillableMetricRounding.Mode.CEIL, -1)))).containsExactly("rounding.digits", "filters[0].values");
    }

    @Test
    void metricRoundingAppliesBeforePricing() {
        MetricDefinition metric = ChargeDefinitions.metric(new BillableMetricDefinition("gb",
                com.novabilling.api.metric.AggregationType.SUM, "gb", false, List.of(),
                new BillableMetricRounding(BillableMetricRounding.Mode.CEIL, null)));

        assertThat(metric.rounding()).isEqualTo(new UnitRounding(UnitRounding.Mode.CEIL, 0));
        assertThat(metric.aggregationType()).isEqualTo(AggregationType.SUM);
    }

    private static List<String> metricFields(BillableMetricDefinition metric) {
        return ChargeDefinitions.validate(metric).stream().map(FieldError::field).toList();
    }

    private static void addEvents(List<UsageEvent> events, int count, Object... properties) {
        for (int i = 0; i < count; i++) {
            events.add(TestEvents.event("2026-03-10T00:00:00Z", properties));
        }
    }
}
