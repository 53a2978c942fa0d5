package com.novabilling.app.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestCatalog;
import com.novabilling.app.support.TestTenant;
import org.awaitility.Awaitility;
import com.novabilling.app.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/admin/ledger/verifications} and {@code GET /api/admin/ledger/verifications/{id}}: the verification
 * of {@code GET /api/admin/ledger/verify} run in the background, its run a row of the tenant's database.
 */
class LedgerVerificationRunsHttpTest extends IntegrationTest {

    private static final String RUNS = "/api/admin/ledger/verifications";

    @Autowired
    private LedgerVerifier verifier;
    @Autowired
    private LedgerVerificationRuns runs;

    @Test
    void aRunIsAcceptedThenSucceedsWithTheReportTheSynchronousVerificationGives() {
        TestTenant t = billed();
        Api.Response started = api().post(RUNS, t.accessToken(), null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        JsonNode run = started.body();
        String id = run.get("id").asText();
        assertThat(id).startsWith("lvr_");
        assertThat(started.header("Location")).isEqualTo(RUNS + "/" + id);
        assertThat(run.get("status").asText()).isEqualTo("RUNNING");
        assertThat(run.get("rebuild").asBoolean()).isTrue();
        assertThat(run.get("startedAt").asText()).isNotBlank();
        assertThat(run.at("/progress/stepsTotal").asInt()).isEqualTo(7);
        assertThat(run.get("report").isNull()).isTrue();

        JsonNode done = awaitFinished(t, started.header("Location"));
        assertThat(done.get("status").asText()).as(done.toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(done.get("startedAt").asText()).isEqualTo(run.get("startedAt").asText());
        assertThat(done.get("finishedAt").asText()).isNotBlank();
        JsonNode progress = done.get("progress");
        assertThat(progress.get("step").isNull()).isTrue();
        assertThat(progress.get("stepsDone").asInt()).isEqualTo(7);
        assertThat(progress.get("stepsTotal").asInt()).isEqualTo(7);
        assertThat(progress.get("eventsTotal").asLong()).isPositive();
        assertThat(progress.get("eventsDone").asLong()).isEqualTo(progress.get("eventsTotal").asLong());

        JsonNode report = done.get("report");
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isTrue();
        assertThat(report.get("checks").toString()).contains("invoice-totals", "projection-rebuild");
        Api.Response sync = api().get("/api/admin/ledger/verify", t.accessToken());
        assertThat(sync.status()).as(sync.text()).isEqualTo(200);
        assertThat(report.get("counts")).isEqualTo(sync.body().get("counts"));
        assertThat(report.at("/counts/invoices").asLong()).isEqualTo(1);
        assertThat(report.at("/counts/events").asLong()).isPositive();
        assertThat(report.get("checks")).isEqualTo(sync.body().get("checks"));
        assertThat(report.get("skipped")).isEqualTo(sync.body().get("skipped"));

        // the next run may start once this one has finished; the first stays readable
        Api.Response withoutRebuild = api().post(RUNS + "?rebuild=false", t.accessToken(), null);
        assertThat(withoutRebuild.status()).as(withoutRebuild.text()).isEqualTo(202);
        assertThat(withoutRebuild.body().at("/progress/stepsTotal").asInt()).isEqualTo(6);
        JsonNode second = awaitFinished(t, withoutRebuild.header("Location"));
        assertThat(second.get("status").asText()).as(second.toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(second.get("rebuild").asBoolean()).isFalse();
        assertThat(second.at("/progress/stepsDone").asInt()).isEqualTo(6);
        assertThat(second.at("/report/skipped").toString()).contains("projection-rebuild", "rebuild=false");
        assertThat(second.at("/report/counts/invoices").asLong()).isEqualTo(1);
        assertThat(api().get(RUNS + "/" + id, t.accessToken()).body().get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void progressWrittenDuringTheRebuildIsCommittedAtOnceThoughTheRebuildIsRolledBack() {
        TestTenant t = billed();
        String db = tenantDatabase(t.id());
        String id = "lvr_" + "0".repeat(23) + "2";
        List<String> seenFromOutside = new ArrayList<>();
        TenantContext.runAs(t.id(), () -> {
            runs.begin(id, true, LedgerVerifier.steps(true), Instant.parse("2027-01-01T00:00:00Z"),
                    Duration.ofMinutes(10));
            verifier.verify(true, new LedgerProgress() {
                private String step;
                private int done;

                @Override
                public void step(String step, int done, int total) {
                    this.step = step;
                    this.done = done;
                    assertThat(runs.progress(id, new LedgerVerificationRun.Progress(step, done, total, 0, 0))).isTrue();
                }

                @Override
                public void events(long position, long head) {
                    assertThat(runs.progress(id, new LedgerVerificationRun.Progress(step, done, 7, position, head)))
                            .isTrue();
                    if (step.equals(LedgerVerifier.STEP_PROJECTION_REBUILD) && position == head) {
                        // inside the replay's transaction: a connection of its own sees the write committed
                        seenFromOutside.addAll(strings(db, "SELECT step || ' ' || steps_done || ' ' || events_done "
                                + "|| '/' || events_total FROM ledger_verification_run WHERE id = '" + id + "'"));
                    }
                }
            });
        });
        long head = count(db, "SELECT max(global_index) FROM domain_event_entry");
        assertThat(seenFromOutside).containsExactly("projection-rebuild 6 " + head + "/" + head);
        assertThat(strings(db, "SELECT step FROM ledger_verification_run WHERE id = '" + id + "'"))
                .containsExactly("projection-rebuild");
    }

    @Test
    void aSecondRunWhileOneIsRunningIs409NamingItUntilTheRunningOneIsStale() throws Exception {
        TestTenant t = registerTenant();
        String db = tenantDatabase(t.id());
        String running = "lvr_" + "0".repeat(23) + "1";
        sql(db, "INSERT INTO ledger_verification_run (id, status, rebuild, step, steps_done, steps_total, "
                + "events_done, events_total, started_at, updated_at) VALUES ('" + running + "', 'RUNNING', true, "
                + "'usage-rerating', 5, 7, 40, 40, now(), now())");

        JsonNode listed = api().get(RUNS + "/" + running, t.accessToken()).body();
        assertThat(listed.get("status").asText()).isEqualTo("RUNNING");
        assertThat(listed.get("progress")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"step\":\"usage-rerating\",\"stepsDone\":5,\"stepsTotal\":7,\"eventsDone\":40,\"eventsTotal\":40}"));

        Api.Response refused = api().post(RUNS, t.accessToken(), null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("message").asText()).contains(running);
        assertThat(api().post(RUNS + "?rebuild=false", t.accessToken(), null).status()).isEqualTo(409);
        assertThat(count(db, "SELECT count(*) FROM ledger_verification_run")).isEqualTo(1);

        // its node died: no progress for longer than stale-after (10 minutes), so the next POST takes over
        sql(db, "UPDATE ledger_verification_run SET updated_at = now() - interval '11 minutes'");
        Api.Response takenOver = api().post(RUNS, t.accessToken(), null);
        assertThat(takenOver.status()).as(takenOver.text()).isEqualTo(202);
        JsonNode abandoned = api().get(RUNS + "/" + running, t.accessToken()).body();
        assertThat(abandoned.get("status").asText()).isEqualTo("FAILED");
        assertThat(abandoned.get("error").asText()).contains("Abandoned");
        assertThat(abandoned.get("finishedAt").asText()).isNotBlank();
        JsonNode done = awaitFinished(t, takenOver.header("Location"));
        assertThat(done.get("status").asText()).as(done.toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/report/ok").asBoolean()).isTrue();
    }

    @Test
    void unknownIdsAndAnotherTenantsRunsAre404Alike() {
        TestTenant owner = registerTenant();
        TestTenant stranger = registerTenant();
        Api.Response started = api().post(RUNS + "?rebuild=false", owner.accessToken(), null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.body().get("id").asText();

        Api.Response foreign = api().get(RUNS + "/" + id, stranger.accessToken());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().get("message").asText()).isEqualTo("Ledger verification with id '" + id
                + "' not found");
        String unknown = "lvr_" + "f".repeat(24);
        Api.Response missing = api().get(RUNS + "/" + unknown, owner.accessToken());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("message").asText()).isEqualTo("Ledger verification with id '" + unknown
                + "' not found");
        assertThat(api().get(RUNS + "/inv_" + "f".repeat(24), owner.accessToken()).status()).isEqualTo(404);
        assertThat(api().get(RUNS + "/nonsense", owner.accessToken()).status()).isEqualTo(404);

        assertThat(awaitFinished(owner, started.header("Location")).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(api().get(RUNS + "/" + id, stranger.accessToken()).status()).isEqualTo(404);
        // the stranger's own run is not blocked by the owner's
        Api.Response strangersRun = api().post(RUNS + "?rebuild=false", stranger.accessToken(), null);
        assertThat(strangersRun.status()).as(strangersRun.text()).isEqualTo(202);
        assertThat(awaitFinished(stranger, strangersRun.header("Location")).get("status").asText())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void runsTakeTheUsersJwtNotAnApiKeyAndRebuildMustBeABoolean() {
        TestTenant t = registerTenant();
        for (Api.Response unauthenticated : List.of(api().post(RUNS, null, null), api().post(RUNS, t.apiKey(), null),
                api().get(RUNS + "/lvr_" + "f".repeat(24), null),
                api().get(RUNS + "/lvr_" + "f".repeat(24), t.apiKey()))) {
            assertThat(unauthenticated.status()).as(unauthenticated.text()).isEqualTo(401);
            assertThat(unauthenticated.body().get("message").asText()).isNotBlank();
        }
        assertThat(api().post(RUNS + "?rebuild=maybe", t.accessToken(), null).badRequestFields())
                .containsExactly("rebuild");
        assertThat(count(tenantDatabase(t.id()), "SELECT count(*) FROM ledger_verification_run")).isZero();
    }

    /** A tenant with a KES customer and a one-off invoice of 250.00, finalized and marked paid. */
    private TestTenant billed() {
        TestTenant t = registerTenant();
        TestCatalog catalog = catalog(t);
        String customerId = catalog.customer("KES");
        String invoiceId = catalog.created("/api/invoices", Map.of("customerId", customerId, "currency", "KES",
                "items", List.of(Map.of("description", "Setup", "amount", 250, "quantity", 1))));
        Api.Response finalized = api().post("/api/invoices/" + invoiceId + "/finalize", t.apiKey(), Map.of());
        assertThat(finalized.status()).as(finalized.text()).isEqualTo(200);
        Api.Response paid = api().post("/api/invoices/" + invoiceId + "/mark-paid", t.apiKey(), Map.of());
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        return t;
    }

    /** Polls the run at {@code location} until it is no longer RUNNING. */
    private JsonNode awaitFinished(TestTenant t, String location) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response polled = api().get(location, t.accessToken());
            assertThat(polled.status()).as(polled.text()).isEqualTo(200);
            last[0] = polled.body();
            return !polled.body().get("status").asText().equals("RUNNING");
        });
        return last[0];
    }

    private void sql(String database, String statement) throws SQLException {
        try (Connection c = connect(database)) {
            c.createStatement().executeUpdate(statement);
        }
    }
}
