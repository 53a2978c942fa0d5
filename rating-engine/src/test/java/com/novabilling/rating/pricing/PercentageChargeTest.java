package com.novabilling.rating.pricing;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.RatingEngine;
import com.novabilling.rating.RatingResult;
import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.aggregation.AggregationType;
import com.novabilling.rating.aggregation.CarriedState;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.novabilling.rating.Pricings.dec;
import static com.novabilling.rating.TestEvents.at;
import static com.novabilling.rating.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples R1–R5 of docs/billing-rules.md §5.5, rated end to end from events. */
class PercentageChargeTest {
    static final Instant MARCH = at("2026-03-01T00:00:00Z");
    static final Instant APRIL = at("2026-04-01T00:00:00Z");
    static final MetricDefinition VALUE = MetricDefinition.of("payments", AggregationType.SUM, "amount");

    /** NGN 10,000; 20,000; 50,000; 5,000 — deliberately listed out of time order. */
    static List<UsageEvent> events() {
        return List.of(event("2026-03-04T00:00:00Z", "amount", 5000),
                event("2026-03-01T00:00:00Z", "amount", 10000),
                event("2026-03-03T00:00:00Z", "amount", "50000"),
                event("2026-03-02T00:00:00Z", "amount", 20000));
    }

    static RatingResult rate(Long freeEvents, String freeValue, String min, String max) {
        PercentagePricing pricing = new PercentagePricing(dec("1.5"), dec("100.00"), freeEvents,
                freeValue == null ? null : dec(freeValue), min == null ? null : dec(min), max == null ? null : dec(max));
        return RatingEngine.rate(VALUE, ChargeDefinition.of(CurrencyCode.NGN, pricing), MARCH, APRIL, events(),
                CarriedState.NONE);
    }

    static Money ngn(String major) {
        return Money.ofMajor(dec(major), CurrencyCode.NGN);
    }

    @Test
    void r1_fixedFeePerEvent() {
        RatingResult result = rate(null, null, null, null);

        assertThat(result.amount()).isEqualTo(ngn("1675.00"));
        assertThat(result.units()).isEqualByComparingTo("85000");
        assertThat(result.breakdown()).extracting(BreakdownLine::kind)
                .containsExactly(LineKind.PERCENTAGE_OF_VALUE, LineKind.FIXED_FEE_PER_EVENT);
        assertThat(result.breakdown().get(1).units()).isEqualByComparingTo("4");
    }

    @Test
    void r1_contrast_fixedFeeOncePerInvoiceWouldBe1375() {
        assertThat(rate(null, null, null, null).amount()).isNotEqualTo(ngn("1375.00"));
    }

    @Test
    void r2_firstTwoEventsFree() {
        assertThat(rate(2L, null, null, null).amount()).isEqualTo(ngn("1025.00"));
    }

    @Test
    void r3_firstValueFreeWithPartlyFreeEvent() {
        RatingResult result = rate(null, "25000", null, null);

        assertThat(result.amount()).isEqualTo(ngn("1200.00"));
        assertThat(result.breakdown().get(0).units()).isEqualByComparingTo("60000");
        assertThat(result.breakdown().get(1).units()).isEqualByComparingTo("3");
    }

    @Test
    void r4_perTransactionMinAndMax() {
        RatingResult result = rate(null, null, "200", "600");

        assertThat(result.amount()).isEqualTo(ngn("1450.00"));
        assertThat(result.breakdown()).extracting(BreakdownLine::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("250"), dec("400"), dec("600"), dec("200"));
    }

    @Test
    void r5_freeEventThenClampedFees() {
        RatingResult result = rate(1L, null, "200", "600");

        assertThat(result.amount()).isEqualTo(ngn("1200.00"));
        assertThat(result.breakdown()).extracting(BreakdownLine::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("0"), dec("400"), dec("600"), dec("200"));
    }

    @Test
    void whicheverAllowanceRunsOutFirstEndsIt() {
        // N = 3 but A = 25,000 runs out during the second event.
        assertThat(rate(3L, "25000", null, null).amount()).isEqualTo(ngn("1200.00"));
        // A = 100,000 but N = 1 runs out after the first event: 75,000 × 1.5 % + 3 × 100.
        assertThat(rate(1L, "100000", null, null).amount()).isEqualTo(ngn("1425.00"));
    }

    @Test
    void roundsOnceAtTheEnd() {
        // 3 × (1 × 0.5 %) = 0.015 → 0.02; rounding per event would give 3 × 0.01 = 0.03.
        PercentagePricing pricing = new PercentagePricing(dec("0.5"), null, null, null, dec("0"), null);
        List<UsageEvent> events = List.of(event("2026-03-01T00:00:00Z", "amount", 1),
                event("2026-03-02T00:00:00Z", "amount", 1), event("2026-03-03T00:00:00Z", "amount", 1));

        RatingResult result = RatingEngine.rate(VALUE, ChargeDefinition.of(CurrencyCode.NGN, pricing), MARCH, APRIL,
                events, CarriedState.NONE);

        assertThat(result.amount()).isEqualTo(ngn("0.02"));
    }

    @Test
    void estimateByUnitsTreatsThemAsOneTransaction() {
        PercentagePricing pricing = new PercentagePricing(dec("1.5"), dec("100.00"), null, null, null, null);

        assertThat(RatingEngine.priceUnits(ChargeDefinition.of(CurrencyCode.NGN, pricing), dec("85000")).amount())
                .isEqualTo(ngn("1375.00"));
    }
}
