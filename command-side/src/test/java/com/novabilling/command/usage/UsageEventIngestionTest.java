package com.novabilling.command.usage;

import com.novabilling.api.metric.BillableMetricDetails;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.command.metric.BillableMetricLookupTable;
import com.novabilling.command.reference.JdbcResourceCodes;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ingestion's checks, idempotency and batch answers on the real tenant migrations (no Spring, no HTTP). */
class UsageEventIngestionTest extends TenantSchemaTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final UsageCatalog catalog = new UsageCatalog(jdbcTemplate, Duration.ofHours(1));
    private final UsageWindowTable windows = new UsageWindowTable(jdbcTemplate, catalog, () -> "t1");
    private final UsageEventLedger ledger = new UsageEventLedger(jdbcTemplate);
    private final List<String> lateReported = new ArrayList<>();
    private final UsageEventIngestion ingestion = new UsageEventIngestion(catalog, ledger,
            new UsageEventGroupCommit(ledger, 1000, 2), () -> "t1",
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5), this::lateUsageStored);

    @BeforeEach
    void seed() {
        jdbcTemplate.update("TRUNCATE usage_event, usage_subscription_window, usage_subscription_pause, metric_lookup, "
                + "resource_codes");
        windows.on(UsageWindowTableTest.created("sub_a"));
        BillableMetricCreatedEvent bytes = new BillableMetricCreatedEvent("bm_1", new BillableMetricDetails("Bytes", "bytes", null, AggregationType.SUM, "gb", false, List.of(), null));
        new BillableMetricLookupTable(jdbcTemplate, new JdbcResourceCodes(jdbcTemplate)).on(bytes);
        windows.on(bytes);
    }

    private static UsageEventRequest event(String transactionId, Object gb) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("gb", gb);
        properties.put("region", "eu");
        return new UsageEventRequest(transactionId, "sub_a", "bytes", Instant.parse("2026-03-05T10:00:00Z"),
                properties);
    }

    private void lateUsageStored(String subscriptionId, Instant earliest, Instant latest) {
        lateReported.add(subscriptionId + " " + earliest + " " + latest);
    }

    private long rows() {
        return jdbcTemplate.queryForObject("SELECT count(*) FROM usage_event", Long.class);
    }

    @Test
    void storedOnceAndAnsweredWithTheOriginalWhenSentAgain() {
        UsageEventIngestion.Outcome first = ingestion.ingestOne(event("t-1", 5));
        assertThat(first).isInstanceOf(UsageEventIngestion.Created.class);
        UsageEventView created = ((UsageEventIngestion.Created) first).event();
        assertThat(created.id()).startsWith("evt_").hasSize(28);
        assertThat(created.late()).isFalse();
        assertThat(lateReported).as("only late events are reported for re-rating").isEmpty();
        assertThat(created.createdAt()).isEqualTo(NOW);

        UsageEventIngestion.Outcome again = ingestion.ingestOne(event("t-1", 5));
        assertThat(again).isInstanceOfSatisfying(UsageEventIngestion.Duplicate.class,
                duplicate -> assertThat(duplicate.original()).isEqualTo(created));
        assertThat(rows()).isEqualTo(1);
        assertThat(ledger.find(created.id())).contains(created);

        assertThatThrownBy(() -> ingestion.ingestOne(event("t-1", 6)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("transactionId"));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void eightConcurrentSendsOfOneTransactionStoreOneRow() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<UsageEventIngestion.Outcome>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // one ingestion each, as on eight nodes: the unique key decides, not the node's group commit
                sends.add(() -> new UsageEventIngestion(new UsageCatalog(jdbcTemplate, Duration.ofHours(1)), ledger,
                        new UsageEventGroupCommit(ledger, 1000, 2), () -> "t1", Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5), (s, from, to) -> { })
                        .ingestOne(event("t-race", 1)));
            }
            List<UsageEventIngestion.Outcome> outcomes = new ArrayList<>();
            for (Future<UsageEventIngestion.Outcome> f : threads.invokeAll(sends)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof UsageEventIngestion.Created).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof UsageEventIngestion.Duplicate).hasSize(7);
            assertThat(rows()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBatchStoresItsValidItemsAndNamesTheOthers() {
        ingestion.ingestOne(event("t-old", 1));
        List<UsageEventRequest> batch = new ArrayList<>();
        batch.add(event("t-a", 1));                                                     // 0 accepted
        batch.add(event("t-old", 1));                                                   // 1 duplicate (stored)
        batch.add(event("t-b", "many"));                                                // 2 properties.gb
        batch.add(new UsageEventRequest("t-c", "sub_nope", "bytes", null, Map.of()));   // 3 subscriptionId
        batch.add(new UsageEventRequest("t-d", "sub_a", "nope", null, Map.of()));       // 4 code
        batch.add(event("t-a", 1));                                                     // 5 duplicate (in batch)
        batch.add(event("t-a", 2));                                                     // 6 transactionId reused
        batch.add(new UsageEventRequest("t-e", "sub_a", "bytes", NOW.plus(Duration.ofMinutes(6)), Map.of())); // 7
        batch.add(new UsageEventRequest("t-f", "sub_a", "bytes", null, Map.of("region", "us"))); // 8 missing gb: ok
        batch.add(null);                                                                // 9
        batch.add(new UsageEventRequest(null, "sub_a", "bytes", null, Map.of()));       // 10 transactionId
        batch.add(new UsageEventRequest("t-g", "sub_a", "bytes", null, Map.of("gb", "12.5"))); // 11 numeric text: ok

        UsageEventBatchResult result = ingestion.ingestBatch(batch);

        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(result.rejected()).extracting(UsageEventBatchResult.Rejected::index,
                        UsageEventBatchResult.Rejected::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "properties.gb"),
                        org.assertj.core.groups.Tuple.tuple(3, "subscriptionId"),
                        org.assertj.core.groups.Tuple.tuple(4, "code"),
                        org.assertj.core.groups.Tuple.tuple(6, "transactionId"),
                        org.assertj.core.groups.Tuple.tuple(7, "timestamp"),
                        org.assertj.core.groups.Tuple.tuple(9, "event"),
                        org.assertj.core.groups.Tuple.tuple(10, "transactionId"));
        assertThat(result.rejected().get(0).transactionId()).isEqualTo("t-b");
        assertThat(rows()).isEqualTo(4);
        assertThat(jdbcTemplate.queryForObject("SELECT properties ->> 'gb' FROM usage_event WHERE transaction_id = 't-g'",
                String.class)).isEqualTo("12.5");
    }

    @Test
    void eachRefusalNamesItsFieldAndStoresNothing() {
        assertThatThrownBy(() -> ingestion.ingestOne(new UsageEventRequest("r1", "sub_x", "bytes", null, Map.of())))
                .isInstanceOf(NotFoundException.class);
        assertRefused(new UsageEventRequest("r2", "sub_a", "calls", null, Map.of()), "code");
        assertRefused(event("r3", "ten"), "properties.gb");
        assertRefused(event("r4", true), "properties.gb");
        assertRefused(new UsageEventRequest("r5", "sub_a", "bytes", NOW.plusSeconds(301), Map.of()), "timestamp");
        assertRefused(new UsageEventRequest("r6", "sub_a", "bytes", Instant.parse("2026-02-28T23:59:59Z"), Map.of()),
                "timestamp");
        assertRefused(new UsageEventRequest("r7", "sub_a", "bytes", null, Map.of("nested", Map.of("a", 1))),
                "properties.nested");
        assertRefused(new UsageEventRequest("", "sub_a", "bytes", null, Map.of()), "transactionId");
        assertThat(rows()).isZero();

        assertThat(ingestion.ingestOne(new UsageEventRequest("ok", "sub_a", "bytes", NOW.plusSeconds(300),
                Map.of("gb", new BigDecimal("1.5"))))).as("5 minutes ahead is still accepted")
                .isInstanceOf(UsageEventIngestion.Created.class);
    }

    @Test
    void aRetryOfAnAcknowledgedEventIsAnsweredEvenIfItWouldNowBeRefused() {
        UsageEventRequest sent = new UsageEventRequest("t-1", "sub_a", "bytes", Instant.parse("2026-03-10T11:00:00Z"),
                Map.of("gb", 1));
        UsageEventView original = ((UsageEventIngestion.Created) ingestion.ingestOne(sent)).event();
        windows.on(new com.novabilling.api.subscription.SubscriptionPausedEvent("sub_a",
                Instant.parse("2026-03-10T10:00:00Z"), UsageWindowTableTest.START, UsageWindowTableTest.MARCH_END));

        assertThat(ingestion.ingestOne(sent)).isEqualTo(new UsageEventIngestion.Duplicate(original));
        assertRefused(new UsageEventRequest("t-2", "sub_a", "bytes", Instant.parse("2026-03-10T11:00:00Z"),
                Map.of("gb", 1)), "timestamp");
    }

    private void assertRefused(UsageEventRequest request, String field) {
        assertThatThrownBy(() -> ingestion.ingestOne(request))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly(field));
    }
}
