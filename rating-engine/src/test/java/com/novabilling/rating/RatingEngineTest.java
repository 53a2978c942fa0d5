package com.novabilling.rating;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.rating.aggregation.AggregationType;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.pricing.BreakdownLine;
import com.novabilling.rating.pricing.ChargeModel;
import com.novabilling.rating.pricing.GraduatedPricing;
import com.novabilling.rating.pricing.LineKind;
import com.novabilling.rating.pricing.StandardPricing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.novabilling.rating.Pricings.dec;
import static com.novabilling.rating.TestEvents.at;
import static com.novabilling.rating.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

class RatingEngineTest {
    static final Instant APRIL = at("2026-04-01T00:00:00Z");
    static final Instant MAY = at("2026-05-01T00:00:00Z");
    static final Instant JUNE = at("2026-06-01T00:00:00Z");

    @Test
    void a11_recurringWeightedSumPricedStandardAt2Dollars() {
        MetricDefinition seats = MetricDefinition.recurring("seats", AggregationType.WEIGHTED_SUM, "seats");
        ChargeDefinition charge = ChargeDefinition.of(CurrencyCode.USD, new StandardPricing(dec("2.00")));

        RatingResult result = RatingEngine.rate(seats, charge, MAY, JUNE,
                List.of(event("2026-05-11T00:00:00Z", "seats", -5)), new CarriedState.Level(dec("20")));

        assertThat(result.units().setScale(9, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("16.612903226");
        assertThat(result.amount()).isEqualTo(Money.ofMajor(dec("33.23"), CurrencyCode.USD));
        assertThat(result.closingState()).isEqualTo(new CarriedState.Level(dec("15")));
        assertThat(result.breakdown()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.UNIT_PRICE);
            assertThat(line.unitPrice()).isEqualByComparingTo("2.00");
            assertThat(line.amount().toPlainString()).startsWith("33.225806451");
        });
    }

    @Test
    void recurringClosingStateChainsAcrossPeriods() {
        MetricDefinition storage = MetricDefinition.recurring("storage", AggregationType.SUM, "gb");
        ChargeDefinition charge = ChargeDefinition.of(CurrencyCode.USD, new StandardPricing(dec("1")));

        RatingResult april = RatingEngine.rate(storage, charge, APRIL, MAY,
                List.of(event("2026-04-03T00:00:00Z", "gb", 100)), CarriedState.NONE);
        RatingResult may = RatingEngine.rate(storage, charge, MAY, JUNE,
                List.of(event("2026-05-03T00:00:00Z", "gb", "12.75")), april.closingState());

        assertThat(may.units()).isEqualByComparingTo("112.75");
        assertThat(may.amount()).isEqualTo(Money.ofMajor(dec("112.75"), CurrencyCode.USD));
    }

    @Test
    void negativeAggregateIsPricedAsZeroWithoutAFeeLine() {
        MetricDefinition storage = MetricDefinition.of("storage", AggregationType.SUM, "gb");
        ChargeDefinition charge = ChargeDefinition.of(CurrencyCode.USD, new StandardPricing(dec("1")));

        RatingResult result = RatingEngine.rate(storage, charge, APRIL, MAY,
                List.of(event("2026-04-03T00:00:00Z", "gb", -3)), CarriedState.NONE);

        assertThat(result.amount().isZero()).isTrue();
        assertThat(result.fees()).isEmpty();
        assertThat(result.units()).isEqualByComparingTo("0");
    }

    @Test
    void priceUnitsUsesTheDefaultProperties() {
        ChargeDefinition charge = ChargeDefinition.of(CurrencyCode.USD, new GraduatedPricing(Pricings.seedRanges()));

        RatingResult estimate = RatingEngine.priceUnits(charge, dec("15000"));

        assertThat(estimate.amount()).isEqualTo(Money.ofMajor(dec("115.00"), CurrencyCode.USD));
        assertThat(estimate.breakdown()).hasSize(3);
        assertThat(estimate.closingState()).isEqualTo(CarriedState.NONE);
    }

    @Test
    void priceUnitsWithoutDefaultPropertiesIsZero() {
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.STANDARD, CurrencyCode.KES, null, List.of(
                new ChargeFilter(java.util.Map.of("region", List.of("eu")), new StandardPricing(dec("1")))));

        assertThat(RatingEngine.priceUnits(charge, dec("10")).amount()).isEqualTo(Money.zero(CurrencyCode.KES));
    }

    @Test
    void graduatedBreakdownExplainsTheFee() {
        MetricDefinition calls = MetricDefinition.of("calls", AggregationType.COUNT, null);
        ChargeDefinition charge = ChargeDefinition.of(CurrencyCode.USD, new GraduatedPricing(Pricings.flatFeeRanges()));
        List<UsageEvent> events = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> event("2026-04-02T00:00:00Z")).toList();

        RatingResult result = RatingEngine.rate(calls, charge, APRIL, MAY, events, CarriedState.NONE);

        assertThat(result.amount()).isEqualTo(Money.ofMajor(dec("15.50"), CurrencyCode.USD));
        assertThat(result.breakdown()).extracting(BreakdownLine::explanation)
                .containsExactly("100 × 0 + flat 10", "1 × 0.50 + flat 5");
    }
}
