package com.novabilling.command.usage;

import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.support.TenantSchemaTest;
import com.novabilling.rating.RatingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Current usage over 1,000,000 events of one subscription-period (issue 11 item 10: under a second), aggregated in
 * SQL over the index (subscription_id, code, timestamp); and the ledger's batch insert rate. The figures are printed;
 * the limits asserted are loose, for a loaded 2-core CI machine. The bench measures the real ones over HTTP.
 */
class CurrentUsageVolumeTest extends TenantSchemaTest {

    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    @BeforeAll
    static void millionEvents() {
        jdbcTemplate.update("""
                INSERT INTO usage_event (id, transaction_id, subscription_id, code, "timestamp", properties,
                                         payload_hash, received_at, late)
                SELECT 'evt_' || lpad(to_hex(i), 24, '0'), 'tx-' || i, 'sub_big', 'storage',
                       timestamptz '2026-03-01 00:00:00+00' + (i % 2678400) * interval '1 second',
                       jsonb_build_object('gb', (i % 10) * 0.5), repeat('0', 64), now(), false
                FROM generate_series(1, 1000000) AS i
                """);
        jdbcTemplate.execute("ANALYZE usage_event");
    }

    private static ChargeView standard(String amount) {
        return new ChargeView("ch_1", "plan_1", "bm_1", ChargeModel.STANDARD, null, "USD",
                new ChargeProperties(new BigDecimal(amount), null, null, null, null, null, null, null, null), null,
                null, null, null, null);
    }

    @Test
    void sumOfAMillionEventsIsRatedInUnderASecond() {
        UsageRating usage = new UsageRating(null, jdbcTemplate, null);
        MetricRule sum = new MetricRule("bm_1", new BillableMetricDefinition("storage", AggregationType.SUM, "gb",
                false, List.of(), null));
        usage.rate("sub_big", sum, standard("0.01"), CurrencyCode.USD, FROM, TO); // warm up

        long started = System.nanoTime();
        RatingResult result = usage.rate("sub_big", sum, standard("0.01"), CurrencyCode.USD, FROM, TO)
                .result();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        System.out.println("current usage, SUM over 1,000,000 events: " + took.toMillis() + " ms");
        // i % 10 cycles 0 … 4.5 in steps of 0.5: 100,000 cycles of 22.5
        assertThat(result.units()).isEqualByComparingTo("2250000");
        assertThat(result.amount().toMajor()).isEqualByComparingTo("22500.00");
        assertThat(took).isLessThan(Duration.ofSeconds(3));

        MetricRule count = new MetricRule("bm_2", new BillableMetricDefinition("storage", AggregationType.COUNT, null,
                false, List.of(), null));
        started = System.nanoTime();
        assertThat(usage.rate("sub_big", count, standard("0.01"), CurrencyCode.USD, FROM, TO).result()
                .units())
                .isEqualByComparingTo("1000000");
        System.out.println("current usage, COUNT over 1,000,000 events: "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    @Test
    void batchesOfAThousandAreInsertedInOneStatementEach() {
        UsageEventLedger ledger = new UsageEventLedger(jdbcTemplate);
        int batches = 20;
        long started = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            List<UsageEventLedger.NewUsageEvent> events = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                events.add(new UsageEventLedger.NewUsageEvent(UsageEventIds.newId(), "bench-" + b + "-" + i, "sub_bench",
                        "calls", FROM.plusSeconds(i), Map.of("n", i), "{\"n\":" + i + "}", "0".repeat(64), false));
            }
            assertThat(ledger.insert(events, FROM)).hasSize(1000);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("ledger: " + batches * 1000 + " events in " + took.toMillis() + " ms ("
                + (batches * 1000L * 1000 / Math.max(1, took.toMillis())) + " events/s, one connection, no fsync tuning)");
    }
}
