package com.novabilling.app.isolation;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.UpdateCustomerCommand;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.app.tenancy.TenantContext;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The isolation guarantees, proven by reading every database directly with JDBC. */
class TenantIsolationTest extends IntegrationTest {

    @Autowired
    TenantRuntimeRegistry runtimes;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsTokensSagasAndReadModelsLandOnlyInTheTenantsOwnDatabase() throws Exception {
        TestTenant a = registerTenant();
        TestTenant b = registerTenant();
        String a1 = catalog(a).customerWithExternalId("Customer a1");
        String a2 = catalog(a).customerWithExternalId("Customer a2");
        String b1 = catalog(b).customerWithExternalId("Customer b1");
        String dbA = tenantDatabase(a.id());
        String dbB = tenantDatabase(b.id());

        assertThat(aggregateIds(dbA)).containsExactlyInAnyOrder(a1, a2);
        assertThat(aggregateIds(dbB)).containsExactly(b1);
        assertThat(count(dbA, "SELECT count(*) FROM customers")).isEqualTo(2);
        assertThat(count(dbB, "SELECT count(*) FROM customers")).isEqualTo(1);
        assertThat(count(dbA, "SELECT count(*) FROM customer_lookup")).isEqualTo(2);
        assertThat(count(dbA, "SELECT count(*) FROM token_entry WHERE processor_name = 'customers'")).isPositive();
        assertThat(count(dbB, "SELECT count(*) FROM token_entry WHERE processor_name = 'customers'")).isPositive();
        await().untilAsserted(() -> {
            assertThat(count(dbA, "SELECT count(*) FROM association_value_entry WHERE association_value IN ('" + a1 + "','" + a2 + "')")).isEqualTo(2);
            assertThat(count(dbB, "SELECT count(*) FROM association_value_entry WHERE association_value = '" + b1 + "'")).isEqualTo(1);
        });
        assertThat(count(dbA, "SELECT count(*) FROM saga_entry")).isEqualTo(2);
        assertThat(count(dbA, "SELECT count(*) FROM association_value_entry WHERE association_value = '" + b1 + "'")).isZero();
        assertThat(count(dbB, "SELECT count(*) FROM association_value_entry WHERE association_value IN ('" + a1 + "','" + a2 + "')")).isZero();

        String metaData = string(dbA, "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = '" + a1 + "'");
        assertThat(metaData).contains("\"tenantId\":\"" + a.id() + "\"").contains("\"actorType\":\"api_key\"")
                .contains("\"requestId\":\"req_").contains("\"correlationId\"").contains("\"actor\":\"key_");

        String control = "novabilling";
        assertThat(count(control, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN "
                + "('domain_event_entry','token_entry','saga_entry','association_value_entry','customers','customer_lookup','api_request_counts')"))
                .as("no tenant-owned table in the control database").isZero();
    }

    @Test
    void aTenantRegisteredAtRuntimeIsServedWithoutRestartItsRuntimeStartingOnItsFirstRequest() {
        TestTenant c = registerTenant();
        assertThat(runtimes.tenantIds()).doesNotContain(c.id());

        String id = catalog(c).customerWithExternalId("Customer runtime");

        assertThat(runtimes.tenantIds()).contains(c.id());
        var processor = runtimes.require(c.id()).eventProcessors().get("customers");
        assertThat(processor).isInstanceOf(StreamingEventProcessor.class);
        assertThat(processor.isRunning()).isTrue();
        assertThat(api().get("/api/customers/" + id, c.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void anExceptionInsideATenantTransactionDoesNotLeakTheTenantToTheNextTask() throws Exception {
        TestTenant a = registerTenant();
        catalog(a).customerWithExternalId("Customer leak");
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        try {
            Future<?> failing = oneThread.submit(() -> TenantContext.runAs(a.id(), () -> {
                runtimes.current().commandGateway().sendAndWait(new UpdateCustomerCommand("cus_missing", new CustomerDetails(null, "x", null, null, null, null, null, null, null)));
            }));
            assertThatThrownBy(failing::get).hasRootCauseInstanceOf(org.axonframework.modelling.command.AggregateNotFoundException.class);

            Future<?> failingInJdbc = oneThread.submit(() -> TenantContext.runAs(a.id(), () -> {
                jdbc.queryForObject("SELECT count(*) FROM customers", Long.class);
                throw new IllegalStateException("boom inside tenant A");
            }));
            assertThatThrownBy(failingInJdbc::get).hasRootCauseMessage("boom inside tenant A");

            Optional<String> seen = oneThread.submit(TenantContext::current).get();
            assertThat(seen).as("the next task on the same thread sees no tenant").isEmpty();
            Future<Long> unscoped = oneThread.submit(() -> jdbc.queryForObject("SELECT count(*) FROM customers", Long.class));
            assertThatThrownBy(unscoped::get).as("without a tenant, queries reach the control database, which has no tenant tables")
                    .hasMessageContaining("customers");
        } finally {
            oneThread.shutdownNow();
        }
    }

    @Test
    void eventSequenceIncrementsByOneAndNothingIsStoredAsLargeObjects() throws Exception {
        TestTenant a = registerTenant();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                created.add(callers.submit(() -> catalog(a).customerWithExternalId("Customer seq" + n)));
            }
            for (Future<String> f : created) {
                f.get();
            }
        } finally {
            callers.shutdownNow();
        }
        String db = tenantDatabase(a.id());
        assertThat(count(db, "SELECT increment_by FROM pg_sequences WHERE sequencename = 'domain_event_entry_seq'")).isEqualTo(1);
        long events = count(db, "SELECT count(*) FROM domain_event_entry");
        assertThat(events).isEqualTo(16);
        assertThat(count(db, "SELECT max(global_index) - min(global_index) + 1 FROM domain_event_entry")).as("no gaps").isEqualTo(events);
        assertThat(count(db, "SELECT count(*) FROM pg_largeobject_metadata")).isZero();
        assertThat(count(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'oid'")).isZero();
        assertThat(count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name IN ('domain_event_entry','token_entry','saga_entry') "
                + "AND column_name IN ('payload','meta_data','token','serialized_saga') AND data_type = 'bytea'")).isEqualTo(4);
    }

    private List<String> aggregateIds(String database) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(database);
             ResultSet rs = c.createStatement().executeQuery("SELECT DISTINCT aggregate_identifier FROM domain_event_entry")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private String string(String database, String sql) throws Exception {
        try (Connection c = connect(database); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
