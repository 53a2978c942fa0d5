package com.novabilling.rating;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.rating.aggregation.Aggregation;
import com.novabilling.rating.aggregation.AggregationType;
import com.novabilling.rating.aggregation.Aggregator;
import com.novabilling.rating.aggregation.Bucket;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.pricing.BucketFee;
import com.novabilling.rating.pricing.ChargeCalculator;
import com.novabilling.rating.pricing.GraduatedPricing;
import com.novabilling.rating.pricing.PackagePricing;
import com.novabilling.rating.pricing.PercentagePricing;
import com.novabilling.rating.pricing.PriceRange;
import com.novabilling.rating.pricing.PricingProperties;
import com.novabilling.rating.pricing.VolumePricing;
import com.novabilling.rating.validation.RangeValidator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the charge models and aggregations, checked on generated input. */
class RatingPropertiesTest {
    private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final int WINDOW_SECONDS = 31 * 24 * 3600;

    static BigDecimal unrounded(PricingProperties pricing, BigDecimal units) {
        return ChargeCalculator.calculate(pricing, CurrencyCode.USD, units)
                .map(BucketFee::unroundedAmount).orElse(BigDecimal.ZERO);
    }

    @Provide
    Arbitrary<List<PriceRange>> ranges() {
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10"))
                .ofScale(4);
        Arbitrary<Integer> width = Arbitraries.integers().between(1, 5000);
        Arbitrary<List<Integer>> widths = width.list().ofMinSize(0).ofMaxSize(4);
        return Combinators.combine(widths, price.list().ofSize(5), price.list().ofSize(5)).as((ws, units, flats) -> {
            List<PriceRange> ranges = new ArrayList<>();
            long lower = 0;
            for (int i = 0; i <= ws.size(); i++) {
                boolean last = i == ws.size();
                BigDecimal from = BigDecimal.valueOf(i == 0 ? 0 : lower + 1);
                BigDecimal to = last ? null : BigDecimal.valueOf(lower + ws.get(i));
                ranges.add(new PriceRange(from, to, units.get(i), flats.get(i)));
                if (!last) {
                    lower += ws.get(i);
                }
            }
            return ranges;
        });
    }

    @Property
    void generatedRangesAreValid(@ForAll("ranges") List<PriceRange> ranges) {
        assertThat(RangeValidator.validate(ranges, "graduatedRanges")).isEmpty();
    }

    @Property
    void graduatedAmountNeverDecreasesAsUnitsGrow(@ForAll("ranges") List<PriceRange> ranges,
                                                   @ForAll @BigRange(min = "0", max = "25000") @Scale(3) BigDecimal units,
                                                   @ForAll @BigRange(min = "0", max = "5000") @Scale(3) BigDecimal more) {
        GraduatedPricing pricing = new GraduatedPricing(ranges);

        assertThat(unrounded(pricing, units.add(more))).isGreaterThanOrEqualTo(unrounded(pricing, units));
    }

    @Property
    void volumeAmountIsExactlyOneTiersPrice(@ForAll("ranges") List<PriceRange> ranges,
                                            @ForAll @BigRange(min = "0.001", max = "25000") @Scale(3) BigDecimal units) {
        BucketFee fee = ChargeCalculator.calculate(new VolumePricing(ranges), CurrencyCode.USD, units).orElseThrow();

        List<Integer> containing = new ArrayList<>();
        BigDecimal lower = BigDecimal.ZERO;
        for (int i = 0; i < ranges.size(); i++) {
            PriceRange range = ranges.get(i);
            boolean above = units.compareTo(lower) > 0 || i == 0;
            boolean below = range.toValue() == null || units.compareTo(range.toValue()) <= 0;
            if (above && below) {
                containing.add(i);
            }
            lower = range.toValue() == null ? lower : range.toValue();
        }
        assertThat(containing).hasSize(1);
        PriceRange tier = ranges.get(containing.get(0));
        assertThat(fee.lines()).singleElement().satisfies(line -> assertThat(line.tierIndex())
                .isEqualTo(containing.get(0)));
        assertThat(fee.unroundedAmount())
                .isEqualByComparingTo(units.multiply(tier.perUnitAmount()).add(tier.flatAmount()));
    }

    @Property
    void packageAmountIsAStepFunctionOfUnits(@ForAll @BigRange(min = "1", max = "500") @Scale(0) BigDecimal size,
                                             @ForAll @BigRange(min = "0", max = "1000") @Scale(2) BigDecimal price,
                                             @ForAll @BigRange(min = "0", max = "1000") @Scale(0) BigDecimal free,
                                             @ForAll @IntRange(min = 0, max = 100) int packagesBefore,
                                             @ForAll @BigRange(min = "0.001", max = "1") @Scale(3) BigDecimal fraction) {
        PackagePricing pricing = new PackagePricing(size, price, free);
        BigDecimal boundary = free.add(size.multiply(BigDecimal.valueOf(packagesBefore)));
        BigDecimal inside = boundary.add(size.multiply(fraction));
        BigDecimal justAfter = boundary.add(new BigDecimal("0.001"));

        BigDecimal atBoundary = unrounded(pricing, boundary);
        assertThat(atBoundary).isEqualByComparingTo(price.multiply(BigDecimal.valueOf(packagesBefore)));
        assertThat(unrounded(pricing, justAfter)).isEqualByComparingTo(atBoundary.add(price));
        assertThat(unrounded(pricing, inside)).isEqualByComparingTo(unrounded(pricing, justAfter));
    }

    @Property
    void percentageTransactionFeesStayWithinMinAndMax(
            @ForAll("transactionValues") List<BigDecimal> values,
            @ForAll @BigRange(min = "0", max = "100") @Scale(3) BigDecimal rate,
            @ForAll @BigRange(min = "0", max = "50") @Scale(2) BigDecimal fixed,
            @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal min,
            @ForAll @BigRange(min = "0", max = "1000") @Scale(2) BigDecimal spread,
            @ForAll @IntRange(min = -1, max = 5) int freeEvents) {
        BigDecimal max = min.add(spread);
        PercentagePricing pricing = new PercentagePricing(rate, fixed, freeEvents < 0 ? null : (long) freeEvents,
                null, min, max);

        BucketFee fee = ChargeCalculator.calculate(pricing, CurrencyCode.USD, Bucket.DEFAULT,
                values.stream().reduce(BigDecimal.ONE, BigDecimal::add), values).orElseThrow();

        assertThat(fee.lines()).hasSize(values.size()).allSatisfy(line -> {
            if ("free event".equals(line.explanation())) {
                assertThat(line.amount()).isEqualByComparingTo("0");
            } else {
                assertThat(line.amount()).isBetween(min, max);
            }
        });
    }

    @Provide
    Arbitrary<List<BigDecimal>> transactionValues() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2)
                .list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<UsageEvent>> events() {
        Arbitrary<Integer> second = Arbitraries.integers().between(-3600, WINDOW_SECONDS + 3600);
        Arbitrary<BigDecimal> value = Arbitraries.bigDecimals().between(new BigDecimal("-100"), new BigDecimal("1000"))
                .ofScale(3);
        Arbitrary<Boolean> hasField = Arbitraries.of(true, true, true, false);
        return Combinators.combine(second, value, hasField).as((s, v, has) -> has
                        ? TestEvents.event(EPOCH.plusSeconds(s), "gb", v)
                        : TestEvents.event(EPOCH.plusSeconds(s), "other", "x"))
                .list().ofMaxSize(40);
    }

    @Property
    void splittingTheWindowNeverChangesCountOrSum(@ForAll("events") List<UsageEvent> events,
                                                  @ForAll @IntRange(min = 0, max = WINDOW_SECONDS) int splitSecond) {
        Instant from = EPOCH;
        Instant to = EPOCH.plusSeconds(WINDOW_SECONDS);
        Instant split = EPOCH.plusSeconds(splitSecond);
        for (MetricDefinition metric : List.of(MetricDefinition.of("calls", AggregationType.COUNT, null),
                MetricDefinition.of("storage", AggregationType.SUM, "gb"))) {
            BigDecimal whole = units(metric, from, to, events);
            BigDecimal parts = units(metric, from, split, events)
                    .add(units(metric, split, to, events));

            assertThat(parts).as(metric.aggregationType().name()).isEqualByComparingTo(whole);
        }
    }

    @Property
    void recurringSumClosingStateCarriesExactly(@ForAll("events") List<UsageEvent> events,
                                                @ForAll @IntRange(min = 0, max = WINDOW_SECONDS) int splitSecond) {
        MetricDefinition storage = MetricDefinition.recurring("storage", AggregationType.SUM, "gb");
        Instant split = EPOCH.plusSeconds(splitSecond);
        Instant to = EPOCH.plusSeconds(WINDOW_SECONDS);
        Aggregation first = Aggregator.aggregate(storage, EPOCH, split, events, CarriedState.NONE);
        List<UsageEvent> later = events.stream().filter(event -> !event.timestamp().isBefore(split)).toList();

        Aggregation chained = Aggregator.aggregate(storage, split, to, later, first.closingState());
        Aggregation whole = Aggregator.aggregate(storage, split, to, events, CarriedState.NONE);

        assertThat(chained.units()).isEqualByComparingTo(whole.units());
    }

    private static BigDecimal units(MetricDefinition metric, Instant from, Instant to, List<UsageEvent> events) {
        return Aggregator.aggregate(metric, from, to, events, CarriedState.NONE).units();
    }
}
