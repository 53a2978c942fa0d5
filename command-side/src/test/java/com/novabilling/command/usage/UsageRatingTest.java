package com.novabilling.command.usage;

import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.billing.invoice.UsageDigest;
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
                ChargeProperties.standard(new BigDecimal("2")), null, null, null, null, null);
    }

    private static MetricRule metric(AggregationType type, String field) {
        return new MetricRule("bm_1", new BillableMetricDefinition("storage", type, field, false, List.of(), null));
    }

    private final UsageRating rating = new UsageRating(null, jdbcTemplate, null);

    @Test
    void aSumAggregatedInSqlCountsAndDigestsExactlyTheWindowsEventsInLedgerOrder() {
        UsageRating.RatedCharge rated = rating.rate("sub_tally", metric(AggregationType.SUM, "gb"), standard(),
                CurrencyCode.USD, FROM, TO, UsageRating.Tally.COUNT_AND_DIGEST);

        assertThat(rated.result().units()).isEqualByComparingTo("13");
        assertThat(rated.result().amount().toMajor()).isEqualByComparingTo("26.00");
        InvoiceLineUsage usage = rated.tallies().get("default");
        assertThat(usage.units()).isEqualByComparingTo("13");
        assertThat(usage.eventCount()).isEqualTo(3);
        assertThat(usage.digest()).isEqualTo(UsageDigest.ofTransactionIds(List.of("tx-b", "tx-a", "tx-c")))
                .isNotEqualTo(UsageDigest.ofTransactionIds(List.of("tx-a", "tx-b", "tx-c")));
    }

    @Test
    void eventsRatedByTheEngineAreDigestedTheSameWayAsInSql() {
        UsageRating.RatedCharge uniqueUsers = rating.rate("sub_tally", metric(AggregationType.UNIQUE_COUNT, "user"),
                standard(), CurrencyCode.USD, FROM, TO, UsageRating.Tally.COUNT_AND_DIGEST);
        UsageRating.RatedCharge count = rating.rate("sub_tally", metric(AggregationType.COUNT, null), standard(),
                CurrencyCode.USD, FROM, TO, UsageRating.Tally.COUNT_AND_DIGEST);

        assertThat(uniqueUsers.result().units()).isEqualByComparingTo("2");
        assertThat(uniqueUsers.tallies().get("default").eventCount()).isEqualTo(3);
        assertThat(uniqueUsers.tallies().get("default").digest()).isEqualTo(count.tallies().get("default").digest());
    }

    @Test
    void estimatesDoNotTally() {
        assertThat(rating.rate("sub_tally", metric(AggregationType.SUM, "gb"), standard(), CurrencyCode.USD, FROM, TO,
                UsageRating.Tally.NONE).tallies()).isEmpty();
    }

    @Test
    void aWindowWithoutEventsBillsNothingAndTalliesNothing() {
        UsageRating.RatedCharge rated = rating.rate("sub_tally", metric(AggregationType.SUM, "gb"), standard(),
                CurrencyCode.USD, Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"),
                UsageRating.Tally.COUNT_AND_DIGEST);
        assertThat(rated.result().amount().isZero()).isTrue();
        assertThat(rated.tallies()).isEmpty();
    }
}
