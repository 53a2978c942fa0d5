package com.novabilling.query.charge;

import com.novabilling.api.charge.BreakdownLineKind;
import com.novabilling.api.charge.ChargeEstimateView;
import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.EstimateChargeQuery;
import com.novabilling.api.charge.EstimateEvent;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.money.CurrencyCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChargeEstimatorTest {

    private static final BillableMetricDefinition PAYMENTS = new BillableMetricDefinition("payments",
            AggregationType.SUM, "amount", false, List.of(), null);

    /**
     * docs/billing-rules.md §5.5, example R4: rate 1.5 %, fixedAmount 100, perTransactionMin 200,
     * perTransactionMax 600 (NGN).
     */
    private static final ChargePricing R4 = new ChargePricing(ChargeModel.PERCENTAGE, new ChargeProperties(null, null,
            null, new BigDecimal("1.5"), new BigDecimal("100.00"), null, null, new BigDecimal("200"),
            new BigDecimal("600")), null, null, List.of());

    private static EstimateEvent payment(String timestamp, long amount) {
        return new EstimateEvent(null, Instant.parse(timestamp), Map.of("amount", amount));
    }

    private static final List<EstimateEvent> R4_EVENTS = List.of(payment("2026-03-01T10:00:00Z", 10_000),
            payment("2026-03-02T10:00:00Z", 20_000), payment("2026-03-03T10:00:00Z", 50_000),
            payment("2026-03-04T10:00:00Z", 5_000));

    @Test
    void percentageWithPerTransactionLimitsThroughEventsIsR4() {
        ChargeEstimateView estimate = ChargeEstimator.estimate(PAYMENTS, CurrencyCode.NGN, R4,
                new EstimateChargeQuery("chg_x", null, null, R4_EVENTS, null, null));

        assertThat(estimate.amount()).isEqualTo(new BigDecimal("1450.00"));
        assertThat(estimate.currency()).isEqualTo("NGN");
        assertThat(estimate.breakdown()).extracting(line -> line.amount().stripTrailingZeros().toPlainString())
                .containsExactly("250", "400", "600", "200");
        assertThat(estimate.breakdown()).allMatch(line -> line.kind() == BreakdownLineKind.TRANSACTION);
        assertThat(estimate.from()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(estimate.to()).as("latest event + 1 s").isEqualTo(Instant.parse("2026-03-04T10:00:01Z"));
    }

    @Test
    void eventsOutsideAnExplicitWindowAreNotRated() {
        ChargeEstimateView estimate = ChargeEstimator.estimate(PAYMENTS, CurrencyCode.NGN, R4,
                new EstimateChargeQuery("chg_x", CurrencyCode.NGN, null, R4_EVENTS,
                        Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z")));

        assertThat(estimate.amount()).isEqualTo(new BigDecimal("400.00"));
    }

    @Test
    void aNonNumericMetricFieldIsReportedOnTheProperty() {
        List<EstimateEvent> events = List.of(new EstimateEvent("t1", Instant.parse("2026-03-01T10:00:00Z"),
                Map.of("amount", "lots")));

        assertThatThrownBy(() -> ChargeEstimator.estimate(PAYMENTS, CurrencyCode.NGN, R4,
                new EstimateChargeQuery("chg_x", null, null, events, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("properties.amount");
                    assertThat(e.errors().get(0).message()).isEqualTo("'lots' is not a finite number");
                });
    }
}
