package com.novabilling.app.runtime;

import com.novabilling.app.axon.AxonProperties;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.database.ConnectionBudget;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.ConnectionCutter;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.app.tenancy.TenantDataSources;
import com.novabilling.app.web.DatabaseUnavailable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tenant runtime at scale: many more tenants than connections, idle tenants that hold nothing, and clean 503s
 * when the database refuses a connection.
 */
class TenantRuntimeAtScaleHttpTest extends IntegrationTest {

    private static final int TENANTS = 160; // the old runtime ran out of connections at 70

    @Autowired
    TenantRuntimeRegistry runtimes;
    @Autowired
    TenantDataSources dataSources;
    @Autowired
    ConnectionBudget budget;
    @Autowired
    AxonProperties axon;

    @Test
    void moreTenantsThanTheOldLimitEachRegisterAndAnswerWithinTheConnectionBudget() throws Exception {
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answered = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                answered.add(clients.submit(() -> {
                    TestTenant tenant = registerTenant();
                    String customerId = catalog(tenant).customerWithExternalId("Jane " + UUID.randomUUID());
                    Api.Response read = api().get("/api/customers/" + customerId, tenant.apiKey());
                    assertThat(read.status()).as(read.text()).isEqualTo(200);
                    assertThat(read.body().get("id").asText()).isEqualTo(customerId);
                    return tenant.id();
                }));
            }
            for (Future<String> tenant : answered) {
                assertThat(tenant.get()).isNotBlank();
            }
        } finally {
            clients.shutdown();
        }
        assertThat(clientConnections()).as("connections held on the server")
                .isLessThanOrEqualTo(budget.capacity() + 20);
        assertThat(budget.inUse()).isLessThanOrEqualTo(budget.capacity());
        // Processors share the node's fixed pools; the only per-tenant threads are a pool's connection opener and
        // closer ("tenant-<id> connection adder/closer"), which end 5 s after the pool's last open or close. The
        // test's own HTTP client and Tomcat grow their pools with the load, so the total is only bounded loosely:
        // per-tenant threads would add at least one per tenant. A connection still in use when its tenant stopped is
        // closed by the pool's own idle timeout (10 s) at the next housekeeping pass (5 s), and the closer thread ends
        // 5 s after that: hence the longer wait (doubled for a loaded CI machine, where 160 tenants' runtimes, each with
        // its processors, take minutes to start and stop).
        awaitTrue(Duration.ofSeconds(120), () -> {
            runtimes.stopIdleTenants(Duration.ZERO);
            return threadNames().stream().noneMatch(name -> name.matches("tenant-\\p{XDigit}{8}-.*"))
                    && ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore < TENANTS / 4;
        }, () -> "threads back to the node's own after " + TENANTS + " tenants, still: " + threadNames());
        assertThat(threadNames().stream().filter(name -> name.startsWith("processor-")).count())
                .as("processor threads, shared by all tenants").isLessThanOrEqualTo(
                        (long) axon.coordinatorThreads() + axon.workerThreads());
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList();
    }

    @Test
    void anIdleTenantHoldsNoConnectionAndNoProcessorAndComesBackOnItsNextRequest() throws Exception {
        TestTenant tenant = registerTenant();
        String customerId = catalog(tenant).customerWithExternalId("Idle Ida");
        assertThat(runtimes.find(tenant.id())).isPresent();
        assertThat(dataSources.connectionsOf(tenant.id())).isPositive();

        // what the node does once the tenant has been idle for novabilling.axon.idle-timeout (and its projections
        // have handled everything)
        awaitTrue(() -> {
            runtimes.stopIdleTenants(Duration.ZERO);
            return runtimes.find(tenant.id()).isEmpty();
        }, "the idle tenant's runtime stopped");
        awaitTrue(() -> dataSources.connectionsOf(tenant.id()) == 0, "the pool closed its connections");
        awaitTrue(() -> serverConnectionsTo(tenantDatabase(tenant.id())) == 0, "the server holds none for it");
        awaitTrue(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().contains(tenant.id())),
                "no thread of the tenant's own (its pool's connection opener and closer end when idle)");

        Api.Response read = api().get("/api/customers/" + customerId, tenant.apiKey());
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(catalog(tenant).customerWithExternalId("Back Again")).startsWith("cus_");
        assertThat(runtimes.find(tenant.id())).isPresent();
    }

    @Test
    void aConnectionCutMidCommandAnswers503AndLeavesNothingHalfWritten() {
        TestTenant tenant = registerTenant();
        catalog(tenant).customerWithExternalId("Before The Cut");
        String database = tenantDatabase(tenant.id());
        long events = count(database, "SELECT count(*) FROM domain_event_entry");
        long lookups = count(database, "SELECT count(*) FROM customer_lookup");
        long customers = count(database, "SELECT count(*) FROM customers");

        String externalId = "cut_" + UUID.randomUUID();
        Api.Response cut = api().post("/api/customers", tenant.apiKey(), Map.of("externalId", externalId,
                "name", ConnectionCutter.CUT_MARK + externalId, "email", externalId + "@example.com"));

        assertThat(cut.status()).as(cut.text()).isEqualTo(503);
        assertThat(cut.header("Retry-After")).isNotBlank();
        assertThat(cut.body().get("statusCode").asInt()).isEqualTo(503);
        assertThat(cut.text()).doesNotContain("PSQL", "SQLException", "terminating connection");
        assertThat(count(database, "SELECT count(*) FROM domain_event_entry")).isEqualTo(events);
        assertThat(count(database, "SELECT count(*) FROM customer_lookup")).isEqualTo(lookups);
        assertThat(count(database, "SELECT count(*) FROM customers")).isEqualTo(customers);

        // the broken connection is gone; the same customer can be created now
        Api.Response retried = api().post("/api/customers", tenant.apiKey(), Map.of("externalId", externalId,
                "name", "After The Cut", "email", externalId + "@example.com"));
        assertThat(retried.status()).as(retried.text()).isEqualTo(201);
    }

    @Test
    void whenTheNodesConnectionBudgetIsSpentARequestGets503WithRetryAfter() throws SQLException {
        TestTenant tenant = registerTenant();
        String customerId = catalog(tenant).customerWithExternalId("Budget Bob");
        awaitTrue(() -> {
            runtimes.stopIdleTenants(Duration.ZERO);
            return runtimes.find(tenant.id()).isEmpty() && dataSources.connectionsOf(tenant.id()) == 0;
        }, "the tenant stopped and its pool is empty");

        List<Connection> hogs = new ArrayList<>();
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setURL(postgres.jdbcUrl("postgres"));
        server.setUser("postgres");
        server.setPassword("postgres");
        try {
            var guarded = budget.guard(server);
            assertThatThrownBy(() -> {
                while (true) {
                    hogs.add(guarded.getConnection());
                }
            }).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo(ConnectionBudget.TOO_MANY_CONNECTIONS));

            Api.Response refused = api().get("/api/customers/" + customerId, tenant.apiKey());
            assertThat(refused.status()).as(refused.text()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
        } finally {
            for (Connection hog : hogs) {
                hog.close();
            }
        }
        // 503 with Retry-After promises that the same request succeeds shortly: a client honouring it gets through
        // once the connections are back (other tenants' pools may take a moment to give back what they reached for
        // while the budget was spent).
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(Long.parseLong(DatabaseUnavailable.RETRY_AFTER_SECONDS)))
                    .until(() -> api().get("/api/customers/" + customerId, tenant.apiKey()).status() == 200);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the customer readable again once the hogs let go; budget in use "
                    + budget.inUse() + " of " + budget.capacity() + ", server connections " + clientConnections(), e);
        }
    }

    private long clientConnections() {
        return count("postgres", "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'");
    }

    private long serverConnectionsTo(String database) {
        return count("postgres", "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "'");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        awaitTrue(condition, () -> what);
    }

    private static void awaitTrue(BooleanSupplier condition, Supplier<String> what) {
        awaitTrue(Duration.ofSeconds(20), condition, what);
    }

    private static void awaitTrue(Duration atMost, BooleanSupplier condition, Supplier<String> what) {
        try {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what.get() + " within " + atMost.toSeconds() + " s", e);
        }
    }
}
