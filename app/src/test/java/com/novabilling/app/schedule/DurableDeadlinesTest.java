package com.novabilling.app.schedule;

import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.app.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon deadlines are durable and run by the same scheduler as subscriptions (issue 11 item 5): stored in the
 * tenant's database, noted in the control database, delivered once when due — also by a runtime built after the one
 * that scheduled them stopped, as after a restart.
 */
class DurableDeadlinesTest extends IntegrationTest {

    @Autowired
    private TenantRuntimeRegistry runtimes;

    @Autowired
    private DueWorkPoller poller;

    @Test
    void aDeadlineOutlivesItsRuntimeAndFiresOnceWhenDue() {
        TestTenant t = registerTenant();
        String probe = "probe-" + UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofHours(1));
        start(t, probe, due);

        String database = tenantDatabase(t.id());
        assertThat(count(database, "SELECT count(*) FROM deadline_entry")).isEqualTo(1);
        assertThat(count("novabilling", "SELECT count(*) FROM tenant_due_work WHERE tenant_id = '" + t.id() + "'"))
                .isEqualTo(1);

        runtimes.stop(t.id()); // the runtime that scheduled it is gone, as after a restart
        poller.runDue();
        assertThat(fired(database, probe)).as("not due yet").isZero();

        clock.advance(Duration.ofHours(2));
        poller.runDue();
        poller.runDue();

        assertThat(fired(database, probe)).isEqualTo(1);
        assertThat(count(database, "SELECT count(*) FROM deadline_entry")).isZero();
    }

    @Test
    void aTenantsTestClockDeliversItsDeadlines() {
        TestTenant t = registerTenant();
        Api.Response frozen = api().post("/api/test-clock/advance", t.apiKey(), Map.of("to", "2031-03-01T00:00:00Z"));
        assertThat(frozen.status()).as(frozen.text()).isEqualTo(200);
        String probe = "probe-" + UUID.randomUUID();
        start(t, probe, Instant.parse("2031-03-05T00:00:00Z"));

        api().post("/api/test-clock/advance", t.apiKey(), Map.of("by", "P3D"));
        assertThat(fired(tenantDatabase(t.id()), probe)).isZero();
        api().post("/api/test-clock/advance", t.apiKey(), Map.of("by", "P1D"));
        assertThat(fired(tenantDatabase(t.id()), probe)).isEqualTo(1);
    }

    private void start(TestTenant t, String probe, Instant due) {
        TenantContext.runAs(t.id(), () -> runtimes.require(t.id()).commandGateway()
                .sendAndWait(new DeadlineProbe.StartProbeCommand(probe, due)));
    }

    private long fired(String database, String probe) {
        return count(database, "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + probe
                + "' AND payload_type LIKE '%ProbeFiredEvent'");
    }
}
