package com.novabilling.app.axon;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes on one PostgreSQL wake each other's processors through NOTIFY on the control database. */
class CommitNotificationsTest {

    private static EmbeddedPostgres postgres;
    private static HikariDataSource control;

    @BeforeAll
    static void server() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(6);
        control = new HikariDataSource(config);
    }

    @AfterAll
    static void stop() throws Exception {
        control.close();
        postgres.close();
    }

    @Test
    void aCommitOnOneNodeWakesTheSameTenantOnTheOtherButNotItself() throws Exception {
        List<String> wokenOnA = new CopyOnWriteArrayList<>();
        List<String> wokenOnB = new CopyOnWriteArrayList<>();
        try (CommitNotifications a = new CommitNotifications(control, wokenOnA::add, () -> { });
             CommitNotifications b = new CommitNotifications(control, wokenOnB::add, () -> { })) {
            awaitTrue(() -> a.isListening() && b.isListening());

            a.committed("tenant-1");
            a.committed("tenant-2");
            awaitTrue(() -> wokenOnB.containsAll(List.of("tenant-1", "tenant-2")));
            b.committed("tenant-3");
            awaitTrue(() -> wokenOnA.contains("tenant-3"));

            assertThat(wokenOnA).containsExactly("tenant-3");
            assertThat(wokenOnB).containsExactlyInAnyOrder("tenant-1", "tenant-2");
        }
    }

    @Test
    void aNodeThatLostItsListeningConnectionReconnectsAndWakesEverything() throws Exception {
        AtomicInteger wakeAlls = new AtomicInteger();
        List<String> woken = new CopyOnWriteArrayList<>();
        try (CommitNotifications node = new CommitNotifications(control, woken::add, wakeAlls::incrementAndGet);
             CommitNotifications other = new CommitNotifications(control, t -> { }, () -> { })) {
            awaitTrue(node::isListening);
            try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
            }
            awaitTrue(() -> wakeAlls.get() >= 1 && node.isListening());
            other.committed("tenant-9");
            awaitTrue(() -> woken.contains("tenant-9"));
        }
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }
}
