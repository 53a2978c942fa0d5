package com.novabilling.rating.aggregation;

import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.RatingException;
import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.pricing.UnitRounding;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static com.novabilling.rating.TestEvents.at;
import static com.novabilling.rating.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples A1–A11 of docs/billing-rules.md §2.6 and the aggregation rules around them. */
class AggregatorTest {
    static final Instant MARCH = at("2026-03-01T00:00:00Z");
    static final Instant APRIL = at("2026-04-01T00:00:00Z");
    static final Instant MAY = at("2026-05-01T00:00:00Z");
    static final Instant JUNE = at("2026-06-01T00:00:00Z");

    static BigDecimal units(MetricDefinition metric, Instant from, Instant to, List<UsageEvent> events) {
        return Aggregator.aggregate(metric, from, to, events, CarriedState.NONE).units();
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Nested
    class Count {
        MetricDefinition calls = MetricDefinition.of("api_calls", AggregationType.COUNT, null);

        @Test
        void a1_windowIsHalfOpen() {
            List<UsageEvent> events = List.of(
                    event("2026-03-01T00:00:00Z"),
                    event("2026-03-15T10:00:00Z"),
                    event("2026-03-31T23:59:59Z"),
                    event("2026-04-01T00:00:00Z"));

            assertThat(units(calls, MARCH, APRIL, events)).isEqualByComparingTo("3");
            assertThat(units(calls, APRIL, MAY, events)).isEqualByComparingTo("1");
        }

        @Test
        void countsEventsWithOrWithoutAnyProperty() {
            List<UsageEvent> events = List.of(event("2026-03-02T00:00:00Z", "gb", "not-a-number"),
                    event("2026-03-03T00:00:00Z"));

            assertThat(units(calls, MARCH, APRIL, events)).isEqualByComparingTo("2");
        }
    }

    @Nested
    class Sum {
        MetricDefinition storage = MetricDefinition.of("storage", AggregationType.SUM, "gb");

        @Test
        void a2_sumsTheField() {
            List<UsageEvent> events = List.of(event("2026-03-02T00:00:00Z", "gb", 10),
                    event("2026-03-03T00:00:00Z", "gb", "2.5"),
                    event("2026-03-04T00:00:00Z", "gb", new BigDecimal("0.25")));

            assertThat(units(storage, MARCH, APRIL, events)).isEqualByComparingTo("12.75");
        }

        @Test
        void ignoresEventsWithoutTheFieldAndOutsideTheWindow() {
            List<UsageEvent> events = List.of(event("2026-03-02T00:00:00Z", "gb", 10),
                    event("2026-03-03T00:00:00Z", "other", 5),
                    event("2026-02-28T23:59:59Z", "gb", 100),
                    event("2026-04-01T00:00:00Z", "gb", 100));

            assertThat(units(storage, MARCH, APRIL, events)).isEqualByComparingTo("10");
        }

        @Test
        void a3_recurringSumAddsThePreviousPeriodsTotal() {
            MetricDefinition recurring = MetricDefinition.recurring("storage", AggregationType.SUM, "gb");
            List<UsageEvent> march = List.of(event("2026-03-02T00:00:00Z", "gb", 10),
                    event("2026-03-03T00:00:00Z", "gb", "2.5"), event("2026-03-04T00:00:00Z", "gb", "0.25"));

            Aggregation result = Aggregator.aggregate(recurring, MARCH, APRIL, march,
                    new CarriedState.RunningTotal(dec("100")));

            assertThat(result.units()).isEqualByComparingTo("112.75");
            assertThat(((CarriedState.RunningTotal) result.closingState()).total()).isEqualByComparingTo("112.75");
        }

        @Test
        void a3_recurringSumDropsTheLowerBoundWhenGivenTheWholeHistory() {
            MetricDefinition recurring = MetricDefinition.recurring("storage", AggregationType.SUM, "gb");
            List<UsageEvent> history = List.of(event("2026-01-10T00:00:00Z", "gb", 60),
                    event("2026-02-10T00:00:00Z", "gb", 40),
                    event("2026-03-02T00:00:00Z", "gb", 10), event("2026-03-03T00:00:00Z", "gb", "2.5"),
                    event("2026-03-04T00:00:00Z", "gb", "0.25"), event("2026-04-01T00:00:00Z", "gb", 1000));

            assertThat(units(recurring, MARCH, APRIL, history)).isEqualByComparingTo("112.75");
        }

        @Test
        void nonNumericValueNamesTheProperty() {
            List<UsageEvent> events = List.of(event("2026-03-02T00:00:00Z", "gb", "ten"));

            assertThatThrownBy(() -> units(storage, MARCH, APRIL, events))
                    .isInstanceOf(RatingException.class)
                    .hasMessageContaining("properties.gb")
                    .extracting(e -> ((RatingException) e).field()).isEqualTo("properties.gb");
        }

        @Test
        void nonFiniteValueIsRejected() {
            assertThatThrownBy(() -> units(storage, MARCH, APRIL, List.of(event("2026-03-02T00:00:00Z", "gb", "NaN"))))
                    .isInstanceOf(RatingException.class).hasMessageContaining("properties.gb");
            assertThatThrownBy(() -> units(storage, MARCH, APRIL,
                    List.of(event("2026-03-02T00:00:00Z", "gb", "Infinity"))))
                    .isInstanceOf(RatingException.class).hasMessageContaining("properties.gb");
        }

        @Test
        void perMetricRoundingAppliesToTheAggregate() {
            List<UsageEvent> events = List.of(event("2026-03-02T00:00:00Z", "gb", "1.21"),
                    event("2026-03-03T00:00:00Z", "gb", "1.22"));

            assertThat(units(storage.withRounding(new UnitRounding(UnitRounding.Mode.CEIL, 0)), MARCH, APRIL, events))
                    .isEqualByComparingTo("3");
            assertThat(units(storage.withRounding(new UnitRounding(UnitRounding.Mode.FLOOR, 1)), MARCH, APRIL, events))
                    .isEqualByComparingTo("2.4");
            assertThat(units(storage.withRounding(new UnitRounding(UnitRounding.Mode.ROUND, 1)), MARCH, APRIL, events))
                    .isEqualByComparingTo("2.4");
            assertThat(units(storage.withRounding(new UnitRounding(UnitRounding.Mode.ROUND, 2)), MARCH, APRIL,
                    List.of(event("2026-03-02T00:00:00Z", "gb", "0.125")))).isEqualByComparingTo("0.13");
        }
    }

    @Nested
    class Max {
        MetricDefinition cpu = MetricDefinition.of("cpu", AggregationType.MAX, "cpu");

        @Test
        void a4_maxOfTheField() {
            List<UsageEvent> events = List.of(event("2026-03-02T00:00:00Z", "cpu", 3),
                    event("2026-03-03T00:00:00Z", "cpu", 9), event("2026-03-04T00:00:00Z", "cpu", 4));

            assertThat(units(cpu, MARCH, APRIL, events)).isEqualByComparingTo("9");
        }

        @Test
        void a4_noEventsGivesZero() {
            assertThat(units(cpu, MARCH, APRIL, List.of())).isEqualByComparingTo("0");
            assertThat(units(cpu, MARCH, APRIL, List.of(event("2026-03-02T00:00:00Z", "other", 3))))
                    .isEqualByComparingTo("0");
        }
    }

    @Nested
    class UniqueCount {
        MetricDefinition users = MetricDefinition.of("users", AggregationType.UNIQUE_COUNT, "user");

        List<UsageEvent> a5Events() {
            return List.of(
                    event("2026-03-02T00:00:00Z", "user", "u1", "operation_type", "add"),
                    event("2026-03-03T00:00:00Z", "user", "u2"),
                    event("2026-03-04T00:00:00Z", "user", "u1", "operation_type", "add"),
                    event("2026-03-05T00:00:00Z", "user", "u2", "operation_type", "remove"),
                    event("2026-03-06T00:00:00Z", "user", "u3", "operation_type", "add"),
                    event("2026-03-07T00:00:00Z", "user", "u4", "operation_type", "remove"));
        }

        @Test
        void a5_addRemoveWithRedundantRepeats() {
            assertThat(units(users, MARCH, APRIL, a5Events())).isEqualByComparingTo("2");
        }

        @Test
        void a6_recurringCarriesPresentValues() {
            MetricDefinition recurring = MetricDefinition.recurring("users", AggregationType.UNIQUE_COUNT, "user");
            Aggregation march = Aggregator.aggregate(recurring, MARCH, APRIL, a5Events(), CarriedState.NONE);
            assertThat(march.closingState()).isEqualTo(new CarriedState.PresentValues(Set.of("u1", "u3")));

            Aggregation april = Aggregator.aggregate(recurring, APRIL, MAY,
                    List.of(event("2026-04-02T00:00:00Z", "user", "u1", "operation_type", "remove")),
                    march.closingState());

            assertThat(april.units()).isEqualByComparingTo("1");
            assertThat(april.closingState()).isEqualTo(new CarriedState.PresentValues(Set.of("u3")));
        }

        @Test
        void nonRecurringStartsAbsentEachPeriod() {
            List<UsageEvent> events = List.of(event("2026-03-02T00:00:00Z", "user", "u1"),
                    event("2026-04-02T00:00:00Z", "user", "u1", "operation_type", "remove"));

            assertThat(units(users, APRIL, MAY, events)).isEqualByComparingTo("0");
        }

        @Test
        void ordersByTimestampNotByListPosition() {
            List<UsageEvent> events = List.of(event("2026-03-05T00:00:00Z", "user", "u1", "operation_type", "remove"),
                    event("2026-03-02T00:00:00Z", "user", "u1", "operation_type", "add"));

            assertThat(units(users, MARCH, APRIL, events)).isEqualByComparingTo("0");
        }

        @Test
        void unknownOperationTypeNamesTheProperty() {
            List<UsageEvent> events = List.of(event("2026-03-02T00:00:00Z", "user", "u1", "operation_type", "toggle"));

            assertThatThrownBy(() -> units(users, MARCH, APRIL, events))
                    .isInstanceOf(RatingException.class)
                    .hasMessageContaining("properties.operation_type");
        }
    }

    @Nested
    class Latest {
        MetricDefinition balance = MetricDefinition.of("balance", AggregationType.LATEST, "balance");

        @Test
        void a7_latestTimestampWinsNotLatestIngested() {
            List<UsageEvent> events = List.of(event("2026-03-05T00:00:00Z", "balance", 5),
                    event("2026-03-20T00:00:00Z", "balance", 7), event("2026-03-10T00:00:00Z", "balance", 9));

            assertThat(units(balance, MARCH, APRIL, events)).isEqualByComparingTo("7");
        }

        @Test
        void sameTimestampFallsBackToIngestionOrder() {
            Instant same = at("2026-03-05T00:00:00Z");
            List<UsageEvent> events = List.of(new UsageEvent("b", same, 2, java.util.Map.of("balance", 8)),
                    new UsageEvent("a", same, 1, java.util.Map.of("balance", 6)));

            assertThat(units(balance, MARCH, APRIL, events)).isEqualByComparingTo("8");
        }

        @Test
        void a8_negativeLatestIsZero() {
            List<UsageEvent> events = List.of(event("2026-03-05T00:00:00Z", "balance", 5),
                    event("2026-03-20T00:00:00Z", "balance", -4));

            assertThat(units(balance, MARCH, APRIL, events)).isEqualByComparingTo("0");
        }

        @Test
        void noEventsGivesZero() {
            assertThat(units(balance, MARCH, APRIL, List.of())).isEqualByComparingTo("0");
        }
    }

    @Nested
    class WeightedSum {
        MetricDefinition seats = MetricDefinition.of("seats", AggregationType.WEIGHTED_SUM, "seats");

        @Test
        void a9_timeWeightedAverageOfDeltas() {
            List<UsageEvent> events = List.of(event("2026-04-01T00:00:00Z", "seats", 10),
                    event("2026-04-16T00:00:00Z", "seats", 10));

            assertThat(units(seats, APRIL, MAY, events)).isEqualByComparingTo("15");
        }

        @Test
        void a9_contrast_weightPropertyIsIgnored() {
            // The earlier implementation computed Σ(value × properties.weight) = 20.
            List<UsageEvent> events = List.of(event("2026-04-01T00:00:00Z", "seats", 10, "weight", 1),
                    event("2026-04-16T00:00:00Z", "seats", 10, "weight", 1));

            BigDecimal units = units(seats, APRIL, MAY, events);

            assertThat(units).isEqualByComparingTo("15");
            assertThat(units).isNotEqualByComparingTo("20");
        }

        @Test
        void a10_negativeDeltaLowersTheLevel() {
            List<UsageEvent> events = List.of(event("2026-04-01T00:00:00Z", "seats", 10),
                    event("2026-04-25T00:00:00Z", "seats", -4));

            assertThat(units(seats, APRIL, MAY, events)).isEqualByComparingTo("9.2");
        }

        @Test
        void a11_recurringStartsFromTheCarriedLevel() {
            MetricDefinition recurring = MetricDefinition.recurring("seats", AggregationType.WEIGHTED_SUM, "seats");

            Aggregation may = Aggregator.aggregate(recurring, MAY, JUNE,
                    List.of(event("2026-05-11T00:00:00Z", "seats", -5)), new CarriedState.Level(dec("20")));

            BigDecimal expected = dec("515").divide(dec("31"), java.math.MathContext.DECIMAL128);
            assertThat(may.units()).isEqualByComparingTo(expected);
            assertThat(may.units().toPlainString()).startsWith("16.612903225806451612903225806451");
            assertThat(may.closingState()).isEqualTo(new CarriedState.Level(dec("15")));
        }

        @Test
        void a11_levelClosedInAprilCarriesIntoMay() {
            MetricDefinition recurring = MetricDefinition.recurring("seats", AggregationType.WEIGHTED_SUM, "seats");
            Aggregation april = Aggregator.aggregate(recurring, APRIL, MAY,
                    List.of(event("2026-04-01T00:00:00Z", "seats", 20)), CarriedState.NONE);

            Aggregation may = Aggregator.aggregate(recurring, MAY, JUNE,
                    List.of(event("2026-05-11T00:00:00Z", "seats", -5)), april.closingState());

            assertThat(may.units().setScale(9, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("16.612903226");
        }

        @Test
        void noEventsIsZeroForNonRecurring() {
            assertThat(units(seats, APRIL, MAY, List.of())).isEqualByComparingTo("0");
        }

        @Test
        void eventsBeforeTheWindowAreIgnoredWhenNotRecurring() {
            List<UsageEvent> events = List.of(event("2026-03-20T00:00:00Z", "seats", 100),
                    event("2026-04-16T00:00:00Z", "seats", 10));

            assertThat(units(seats, APRIL, MAY, events)).isEqualByComparingTo("5");
        }
    }

    @Test
    void carriedStateForANonRecurringMetricIsRefused() {
        MetricDefinition storage = MetricDefinition.of("storage", AggregationType.SUM, "gb");

        assertThatThrownBy(() -> Aggregator.aggregate(storage, MARCH, APRIL, List.of(),
                new CarriedState.RunningTotal(BigDecimal.TEN))).isInstanceOf(IllegalArgumentException.class);
    }
}
