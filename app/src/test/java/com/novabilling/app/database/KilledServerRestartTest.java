package com.novabilling.app.database;

import com.novabilling.app.support.Api;
import com.novabilling.app.support.ChildServer;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server in a child JVM, killed with SIGKILL after acknowledged writes: its embedded PostgreSQL survives the JVM
 * (pg_ctl gives it a session of its own), and the next start on the same data directory stops that orphan and comes
 * up by itself, every acknowledged write there exactly once. A final SIGTERM stop returns only after PostgreSQL has
 * exited.
 */
class KilledServerRestartTest {

    private static final int KILLS = 3; // the hardening issue's acceptance: three kill -9 cycles
    private static final Duration FIRST_START = Duration.ofSeconds(150);
    private static final Duration RESTART = Duration.ofSeconds(120);

    @Test
    void aServerKilledWithSigkillRestartsByItselfWithEveryAcknowledgedWrite() throws Exception {
        Path root = Files.createTempDirectory("novabilling-sigkill-");
        Path dataDir = root.resolve("data");
        Path pgDir = dataDir.resolve("postgres");
        ChildServer server = null;
        boolean passed = false;
        try {
            server = ChildServer.start(dataDir, "start-0", FIRST_START);
            Api.Response reg = server.api().post("/api/auth/register", null, Map.of(
                    "name", "Crash Co", "email", "crash@example.com", "password", "securePassword123"));
            assertThat(reg.status()).as(reg.text()).isEqualTo(201);
            String apiKey = reg.body().get("apiKey").asText();
            List<String> customers = new ArrayList<>();

            for (int kill = 1; kill <= KILLS; kill++) {
                Api.Response created = server.api().post("/api/customers", apiKey,
                        Map.of("name", "Customer " + kill, "email", "customer-" + kill + "@example.com"));
                assertThat(created.status()).as(created.text()).isEqualTo(201);
                customers.add(created.body().get("id").asText());

                long postmaster = postmasterPid(pgDir);
                server.kill(); // right after the 201: the projections may not have the customer yet
                assertThat(EmbeddedPostmaster.isRunning(postmaster)).as("the embedded PostgreSQL outlives the JVM killed with SIGKILL").isTrue();

                server = ChildServer.start(dataDir, "start-" + kill, RESTART);
                assertThat(EmbeddedPostmaster.isRunning(postmaster)).as("the restart stopped the PostgreSQL left running").isFalse();
                assertEveryCustomerExactlyOnce(server.api(), apiKey, customers);
            }

            Api.Response patched = server.api().patch("/api/customers/" + customers.get(0), apiKey, Map.of("name", "Renamed"));
            assertThat(patched.status()).as("the aggregate is loaded from its events: " + patched.text()).isEqualTo(200);
            Api.Response duplicate = server.api().post("/api/customers", apiKey,
                    Map.of("name", "Again", "email", "customer-1@example.com"));
            assertThat(duplicate.status()).as("the uniqueness lookup survived the kills").isEqualTo(409);

            long postmaster = postmasterPid(pgDir);
            assertThat(server.stop(Duration.ofSeconds(90))).as("SIGTERM stops the server; log:\n" + server.logTail()).isTrue();
            assertThat(EmbeddedPostmaster.isRunning(postmaster)).as("a SIGTERM stop returns only after PostgreSQL has exited").isFalse();
            assertThat(pgDir.resolve(EmbeddedPostmaster.PID_FILE)).doesNotExist();
            passed = true;
        } finally {
            if (server != null && server.isAlive()) {
                server.stop(Duration.ofSeconds(60));
            }
            if (stopEveryPostgresOf(pgDir) && passed) {
                FileSystemUtils.deleteRecursively(root);
            } else {
                System.err.println("KilledServerRestartTest: the servers' logs and data are kept in " + root);
            }
        }
    }

    /** Each customer readable, the list holding exactly these: the projections catch up on the restarted node. */
    private static void assertEveryCustomerExactlyOnce(Api api, String apiKey, List<String> customers) {
        await("the customers written before the kill").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    for (String id : customers) {
                        Api.Response customer = api.get("/api/customers/" + id, apiKey);
                        assertThat(customer.status()).as(id + ": " + customer.text()).isEqualTo(200);
                    }
                    Api.Response list = api.get("/api/customers?limit=100", apiKey);
                    assertThat(list.total()).isEqualTo(customers.size());
                    List<String> listed = new ArrayList<>();
                    list.body().get("data").forEach(customer -> listed.add(customer.get("id").asText()));
                    assertThat(listed).containsExactlyInAnyOrderElementsOf(customers);
                });
    }

    private static long postmasterPid(Path pgDir) throws IOException {
        return Long.parseLong(Files.readAllLines(pgDir.resolve(EmbeddedPostmaster.PID_FILE)).get(0).trim());
    }


    /** Leaves no PostgreSQL of this test behind, whatever failed; whether none is left. */
    private static boolean stopEveryPostgresOf(Path pgDir) {
        if (Files.isDirectory(pgDir)) {
            EmbeddedPostmaster.running(pgDir).ifPresent(postmaster -> postmaster.stop(Duration.ofSeconds(30)));
        }
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(pgDir.toString()))
                .toList();
        for (ProcessHandle process : left) {
            process.destroyForcibly(); // a throw-away data directory; the server's children exit with it
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the return value
            }
        }
        return left.stream().noneMatch(process -> EmbeddedPostmaster.isRunning(process.pid()));
    }
}
