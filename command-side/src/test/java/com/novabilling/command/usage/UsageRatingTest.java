package com.novabilling.command.usage;

import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.billing.invoice.UsageDigest;
import com.novabilling.billing.invoice.UsageFees;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an invoice's usage line records: the units, and the count and digest of the window's events it consumed. */
class UsageRatingTest extends TenantSchemaTest {

    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    @BeforeAll
    static void events() {
        // inserted out of timestamp order: the digest follows the ledger's order (seq), not the timestamps
        insert("tx-b", "2026-03-31T23:59:59Z", "u1", 5);
        insert("tx-a", "2026-03-05T10:00:00Z", "u2", 7);
        insert("tx-c", "2026-03-10T00:00:00Z", "u1", 1);
        insert("tx-before", "2026-02-28T23:59:59Z", "u3", 100);
        insert("tx-after", "2026-04-01T00:00:00Z", "u3", 100);
    }

    private static void insert(String transactionId, String timestamp, String user, int gb) {
        jdbcTemplate.update("""
                INSERT INTO usage_event (id, transaction_id, subscription_id, code, "timestamp", properties,
                                         payload_hash, received_at, late)
                VALUES (?, ?, 'sub_tally', 'storage', ?::timestamptz, jsonb_build_object('gb', ?, 'user', ?),
                        repeat('0', 64), now(), false)
                """, "evt_" + transactionId, transactionId, timestamp, gb, user);
    }

    private static ChargeView standard() {
        return new ChargeView("ch_1", "plan_1", "bm_1", ChargeModel.STANDARD, null, "USD",
                new ChargeProperties(new BigDecimal("2"), null, null, null, null, null, null, null, null), null, null,
                null, null, null);
    }

    private static MetricRule metric(AggregationType type, String field) {
        return new MetricRule("bm_1", new BillableMetricDefinition("storage", type, field, false, List.of(), null));
    }

    private final UsageRating rating = new UsageRating(null, jdbcTemplate, null);

    /** The invoice lines the billing engine makes of the charge's usage over the window. */
    private List<FeeLine> lines(MetricRule metric, Instant from, Instant to) {
        return UsageFees.price(rating.usage("sub_tally", metric, standard(), CurrencyCode.USD, from, to), from, to)
                .fees();
    }

    @Test
    void aSumAggregatedInSqlCountsAndDigestsExactlyTheWindowsEventsInLedgerOrder() {
        List<FeeLine> lines = lines(metric(AggregationType.SUM, "gb"), FROM, TO);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).amount().toMajor()).isEqualByComparingTo("26.00");
        InvoiceLineUsage usage = lines.get(0).line().usage();
        assertThat(usage.units()).isEqualByComparingTo("13");
        assertThat(usage.eventCount()).isEqualTo(3);
        assertThat(usage.digest()).isEqualTo(UsageDigest.ofTransactionIds(List.of("tx-b", "tx-a", "tx-c")))
                .isNotEqualTo(UsageDigest.ofTransactionIds(List.of("tx-a", "tx-b", "tx-c")));
    }

    @Test
    void eventsRatedByTheEngineAreDigestedTheSameWayAsInSql() {
        List<FeeLine> uniqueUsers = lines(metric(AggregationType.UNIQUE_COUNT, "user"), FROM, TO);
        List<FeeLine> count = lines(metric(AggregationType.COUNT, null), FROM, TO);

        assertThat(uniqueUsers.get(0).line().usage().units()).isEqualByComparingTo("2");
        assertThat(uniqueUsers.get(0).line().usage().eventCount()).isEqualTo(3);
        assertThat(uniqueUsers.get(0).line().usage().digest()).isEqualTo(count.get(0).line().usage().digest());
    }

    @Test
    void theEstimateOfTheOpenPeriodPricesTheSameUnitsAsTheInvoiceLine() {
        UsageRating.RatedCharge estimate = rating.rate("sub_tally", metric(AggregationType.SUM, "gb"), standard(),
                CurrencyCode.USD, FROM, TO);
        assertThat(estimate.result().units()).isEqualByComparingTo("13");
        assertThat(estimate.result().amount()).isEqualTo(lines(metric(AggregationType.SUM, "gb"), FROM, TO).get(0)
                .amount());
    }

    @Test
    void aWindowWithoutEventsBillsNothingAndTalliesNothing() {
        assertThat(lines(metric(AggregationType.SUM, "gb"), Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"))).isEmpty();
    }
}
