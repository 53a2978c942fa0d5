package com.novabilling.command.usage;

import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single events of one tenant that arrive while its previous insert commits share the next commit. */
class UsageEventGroupCommitTest extends TenantSchemaTest {

    static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    /** The real ledger, recording the size of each insert and holding the first until {@code others} wait behind it. */
    static final class HeldLedger extends UsageEventLedger {
        final List<Integer> commits = new CopyOnWriteArrayList<>();
        final CountDownLatch firstInside = new CountDownLatch(1);
        final AtomicBoolean holdNext = new AtomicBoolean(true);
        UsageEventGroupCommit groupCommit;
        int others;

        HeldLedger(org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
            super(jdbcTemplate);
        }

        @Override
        public Set<String> insert(List<NewUsageEvent> events, List<Instant> receivedAt) {
            if (holdNext.getAndSet(false)) {
                firstInside.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (groupCommit.waiting("t1") < others) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the other requests never queued");
                    }
                    Thread.onSpinWait();
                }
            }
            commits.add(events.size());
            return super.insert(events, receivedAt);
        }
    }

    private final HeldLedger ledger = new HeldLedger(jdbcTemplate);
    /** One commit at a time, so that the events arriving during the first all wait for the second. */
    private final UsageEventGroupCommit groupCommit = new UsageEventGroupCommit(ledger, 1000, 1);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void clean() {
        jdbcTemplate.update("TRUNCATE usage_event");
        ledger.groupCommit = groupCommit;
    }

    private static UsageEventLedger.NewUsageEvent event(String transactionId) {
        return new UsageEventLedger.NewUsageEvent(UsageEventIds.newId(), transactionId, "sub_a", "calls",
                T0, Map.of("n", 1), "{\"n\":1}", "h-" + transactionId, false);
    }

    /** Tenant t1's event, whose commit the ledger holds until {@code ledger.others} more wait behind it. */
    private Future<Boolean> heldFirstCommit(String transactionId) throws InterruptedException {
        Future<Boolean> held = threads.submit(() -> groupCommit.insert("t1", event(transactionId), T0));
        assertThat(ledger.firstInside.await(30, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    @Test
    void eventsWaitingBehindACommitAreStoredInTheNextOneEachWithItsOwnReceivedAt() throws Exception {
        ledger.others = 5;
        Future<Boolean> first = heldFirstCommit("tx-0");
        List<Future<Boolean>> waiting = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Instant receivedAt = T0.plus(Duration.ofMillis(i));
            String transactionId = i == 5 ? "tx-1" : "tx-" + i; // the fifth repeats the first waiting one
            waiting.add(threads.submit(() -> groupCommit.insert("t1", event(transactionId), receivedAt)));
        }
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        List<Boolean> inserted = new ArrayList<>();
        for (Future<Boolean> f : waiting) {
            inserted.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(ledger.commits).as("the first alone, then the four distinct waiting events in one statement")
                .containsExactly(1, 4);
        assertThat(inserted).as("tx-1 twice in one commit: one is inserted, the other reads the original")
                .filteredOn(Boolean::booleanValue).hasSize(4);
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM usage_event", Long.class)).isEqualTo(5);
        assertThat(jdbcTemplate.queryForList("SELECT received_at FROM usage_event WHERE transaction_id IN "
                + "('tx-2', 'tx-3') ORDER BY transaction_id", java.sql.Timestamp.class))
                .extracting(java.sql.Timestamp::toInstant)
                .containsExactly(T0.plusMillis(2), T0.plusMillis(3));
    }

    @Test
    void anotherTenantsEventNeitherWaitsForNorJoinsThisTenantsCommit() throws Exception {
        ledger.others = 1;
        Future<Boolean> held = heldFirstCommit("tx-a1");

        // t1's lane is held inside its first commit: t2's event is stored at once, on its own
        assertThat(groupCommit.insert("t2", event("tx-b1"), T0)).isTrue();
        assertThat(held).isNotDone();
        assertThat(groupCommit.waiting("t2")).isZero();

        Future<Boolean> queued = threads.submit(() -> groupCommit.insert("t1", event("tx-a2"), T0));
        assertThat(held.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(queued.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ledger.commits).as("t2's own commit, then t1's two, never one with both tenants")
                .containsExactly(1, 1, 1);
    }

    @Test
    void aFailedStatementFailsEveryRequestInItAndStoresNothing() {
        UsageEventLedger.NewUsageEvent unreadable = new UsageEventLedger.NewUsageEvent(UsageEventIds.newId(), "tx-bad",
                "sub_a", "calls", T0, Map.of(), "not json", "h", false);
        assertThatThrownBy(() -> groupCommit.insert("t1", unreadable, T0))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(groupCommit.insert("t1", event("tx-good"), T0)).as("the lane is free again").isTrue();
        assertThat(jdbcTemplate.queryForList("SELECT transaction_id FROM usage_event", String.class))
                .containsExactly("tx-good");
    }

    @Test
    void aTransactionIdStoredBeforeIsNotInsertedAgain() {
        assertThat(groupCommit.insert("t1", event("tx-x"), T0)).isTrue();
        assertThat(groupCommit.insert("t1", event("tx-x"), T0)).isFalse();
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM usage_event", Long.class)).isEqualTo(1);
    }
}
