package com.novabilling.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.novabilling.app.NovaBillingApplication;
import com.novabilling.app.database.PostgresServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a random port, on the embedded PostgreSQL (fast settings, a fresh data directory per
 * test JVM) with a GreenMail SMTP server. All integration tests share this one context.
 */
@SpringBootTest(classes = NovaBillingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Configuration.class)
public abstract class IntegrationTest {

    protected static final Path DATA_DIR;
    protected static final GreenMail MAIL;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("novabilling-test-");
            // a run leaves 1-3 GB of PostgreSQL files: gone when the test JVM exits
            Runtime.getRuntime().addShutdownHook(new Thread(IntegrationTest::deleteDataDirectory, "delete-test-data"));
            int smtpPort;
            try (ServerSocket s = new ServerSocket(0)) {
                smtpPort = s.getLocalPort();
            }
            MAIL = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            MAIL.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs at JVM exit beside Spring's own shutdown, which stops the embedded server: waits (at most 20 s) until the
     * server has removed its {@code postmaster.pid}, watching the directory for it, so the server's last connections
     * do not fail on vanished files.
     */
    private static void deleteDataDirectory() {
        try (java.util.stream.Stream<Path> files = Files.walk(DATA_DIR, 3)) {
            Optional<Path> pid = files.filter(file -> file.getFileName().toString().equals("postmaster.pid")).findFirst();
            if (pid.isPresent()) {
                awaitDeletion(pid.get(), TimeUnit.SECONDS.toNanos(20));
            }
        } catch (IOException | UncheckedIOException e) {
            // nothing to wait for
        }
        FileSystemUtils.deleteRecursively(DATA_DIR.toFile());
    }

    private static void awaitDeletion(Path file, long timeoutNanos) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        try (WatchService watcher = file.getFileSystem().newWatchService()) {
            file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_DELETE);
            long left;
            while (Files.exists(file) && (left = deadline - System.nanoTime()) > 0) {
                WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
                if (key == null) {
                    return;
                }
                key.pollEvents();
                key.reset();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("novabilling.data-dir", DATA_DIR::toString);
        registry.add("novabilling.database.embedded-durable", () -> "false");
        registry.add("novabilling.limits.requests-per-minute", () -> "100000");
        // a loaded 2-core CI machine registering 160 tenants can starve projections past the default 10 s; what the
        // tests prove is that the read waits for the write, not how long a starved node takes
        registry.add("novabilling.axon.read-your-writes-timeout", () -> "PT30S");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("novabilling.mail.allowed-private-hosts", () -> "127.0.0.1"); // GreenMail, for tenant SMTP tests
        registry.add("novabilling.test-clock.enabled", () -> "true");
    }

    /** Tenants shared by the tests of one class, by role: every registered tenant keeps its own connections open. */
    private static final Map<String, TestTenant> SHARED_TENANTS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected PostgresServer postgres;

    protected Api api() {
        return new Api(port);
    }

    /** The catalog builder for tests that stand on customers, plans, metrics, charges, coupons or add-ons. */
    /** Moves the tenant's test clock to {@code instant} (ISO-8601), running everything due on the way. */
    protected void advanceTo(TestTenant tenant, String instant) {
        Api.Response moved = api().post("/api/test-clock/advance", tenant.apiKey(), Map.of("to", instant));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
    }

    /** POSTs {@code body} to {@code path} as the tenant and returns the created resource's id (a 201 or the test fails). */
    protected String created(TestTenant tenant, String path, Object body) {
        return catalog(tenant).created(path, body);
    }

    protected TestCatalog catalog(TestTenant tenant) {
        return new TestCatalog(api(), tenant);
    }

    protected TestTenant registerTenant() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        String password = "securePassword123";
        Api.Response r = api().post("/api/auth/register", null,
                Map.of("name", "Owner", "email", email, "password", password, "companyName", "Acme " + email.substring(6, 14)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return new TestTenant(r.body().at("/tenant/id").asText(), email, password, r.body().get("apiKey").asText(),
                r.body().get("accessToken").asText(), r.body().get("refreshToken").asText(), r.body());
    }

    /** One tenant for the tests of this class that do not need an empty one. */
    protected TestTenant sharedTenant() {
        return SHARED_TENANTS.computeIfAbsent(getClass().getName() + "/owner", key -> registerTenant());
    }

    /** A second tenant of this class, for tenant isolation. */
    protected TestTenant strangerTenant() {
        return SHARED_TENANTS.computeIfAbsent(getClass().getName() + "/stranger", key -> registerTenant());
    }

    /** A resource code no other test uses, e.g. {@code api_calls_1f2e3d4c}. */
    protected static String uniqueCode(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A plain JDBC connection straight to one database, bypassing the application. */
    protected Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "postgres");
    }

    protected long count(String database, String sql) {
        try (Connection c = connect(database); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database + ": " + e.getMessage(), e);
        }
    }

    /** Every tenant database on the server has its catalog row, and every catalog row its database. */
    protected void assertEveryTenantDatabaseHasItsCatalogRow() {
        assertThat(strings("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'nb\\_tenant\\_%'"))
                .containsExactlyInAnyOrderElementsOf(strings("novabilling", "SELECT database_name FROM tenants"));
    }

    protected List<String> strings(String database, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(database); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database + ": " + e.getMessage(), e);
        }
    }

    protected static String tenantDatabase(String tenantId) {
        return com.novabilling.app.tenancy.TenantConnector.databaseNameFor(tenantId);
    }
}
