package com.novabilling.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the databases live. Without {@code spring.datasource.url} the application starts an embedded PostgreSQL
 * whose files are kept under {@code novabilling.data-dir}; with it, that server is used and the tenant databases
 * are created there.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    static {
        // Hikari retires idle connections only when its housekeeper runs (every 30 s by default): with many tenant
        // pools that keeps connections of finished bursts open long after their idle timeout.
        if (System.getProperty("com.zaxxer.hikari.housekeeping.periodMs") == null) {
            System.setProperty("com.zaxxer.hikari.housekeeping.periodMs", "5000");
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(Environment env, DatabaseProperties props,
                                            @Value("${novabilling.data-dir}") String dataDir) {
        if (env.getProperty("spring.datasource.url") != null) {
            return EmbeddedPostgresHolder.none();
        }
        Path pgDir = Path.of(dataDir).toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(pgDir);
            EmbeddedPostmaster.stopOrphan(pgDir, props.embeddedShutdownTimeout());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(props.embeddedStartupTimeout())
                    // Stopped by this bean's close(), after everything using it: zonky's own JVM hook would stop the
                    // server while Axon processors and connection pools are still shutting down.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", String.valueOf(props.embeddedMaxConnections()))
                    .setServerConfig("timezone", "UTC")
                    // The autovacuum launcher visits every database once per naptime: with a thousand tenant
                    // databases the default (1 min) starts a worker process every 60 ms on an idle node.
                    .setServerConfig("autovacuum_naptime", props.embeddedAutovacuumNaptime());
            if (props.embeddedPort() > 0) {
                builder.setPort(props.embeddedPort());
            }
            String durable = props.embeddedDurable() ? "on" : "off";
            builder.setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable);
            EmbeddedPostgres pg = builder.start();
            EmbeddedPostmaster postmaster = EmbeddedPostmaster.running(pgDir).orElse(null);
            log.info("Embedded PostgreSQL started on port {} with data in {} (durable: {}, pid {})", pg.getPort(), pgDir,
                    props.embeddedDurable(), postmaster == null ? "unknown" : postmaster.pid());
            return new EmbeddedPostgresHolder(pg, postmaster, props.embeddedShutdownTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + pgDir, e);
        }
    }

    @Bean
    PostgresServer postgresServer(Environment env, EmbeddedPostgresHolder embedded, DatabaseProperties props) {
        String url = env.getProperty("spring.datasource.url");
        if (url == null) {
            return new PostgresServer("localhost:" + embedded.port(), "", "postgres", "postgres");
        }
        PostgresServer.ParsedUrl parsed = PostgresServer.parse(url,
                env.getProperty("spring.datasource.username", "postgres"),
                env.getProperty("spring.datasource.password", ""));
        return parsed.server();
    }

    @Bean(destroyMethod = "close")
    @Qualifier("control")
    HikariDataSource controlDataSource(PostgresServer server, Environment env, DatabaseProperties props) {
        String url = env.getProperty("spring.datasource.url");
        String database = url == null ? props.controlDatabase()
                : Optional.ofNullable(PostgresServer.parse(url, null, null).database()).orElse(props.controlDatabase());
        server.createDatabaseIfMissing(database);
        HikariDataSource ds = server.newPool(database, "control", props.controlPoolSize());
        Flyway.configure().dataSource(ds).locations("classpath:db/control").load().migrate();
        return ds;
    }

    @Bean
    ConnectionBudget connectionBudget(PostgresServer server, DatabaseProperties props) {
        int budget = props.budgetFor(server.maxConnections());
        log.info("Tenant connections of this node are capped at {}", budget);
        return new ConnectionBudget(budget, Duration.ofSeconds(1));
    }

    @Bean
    @Qualifier("control")
    NamedParameterJdbcTemplate controlJdbc(@Qualifier("control") HikariDataSource controlDataSource) {
        return new NamedParameterJdbcTemplate(controlDataSource);
    }

    @Bean
    @Qualifier("control")
    TransactionTemplate controlTransactions(@Qualifier("control") HikariDataSource controlDataSource) {
        return new TransactionTemplate(new DataSourceTransactionManager(controlDataSource));
    }

    /** Keeps the embedded server's lifecycle tied to the application context. */
    public static final class EmbeddedPostgresHolder implements AutoCloseable {
        private static final String EMBEDDED_CLAIM_OWNER = "embedded-server-node";

        private final EmbeddedPostgres postgres;
        private final EmbeddedPostmaster postmaster;
        private final Duration shutdownTimeout;

        EmbeddedPostgresHolder(EmbeddedPostgres postgres, EmbeddedPostmaster postmaster, Duration shutdownTimeout) {
            this.postgres = postgres;
            this.postmaster = postmaster;
            this.shutdownTimeout = shutdownTimeout;
        }

        static EmbeddedPostgresHolder none() {
            return new EmbeddedPostgresHolder(null, null, Duration.ZERO);
        }

        int port() {
            return postgres.getPort();
        }

        /**
         * The owner this node writes into its processors' token claims, when it runs the embedded server: only the
         * process holding that server's data directory uses its databases, so the name can stay the same across
         * restarts, and a start after a crash takes the dead run's claims back at once instead of leaving every
         * projection stalled until the claim timeout. Empty with a shared server, where each node keeps a name of its
         * own (Axon's pid@host).
         */
        public Optional<String> processorClaimOwner() {
            return postgres == null ? Optional.empty() : Optional.of(EMBEDDED_CLAIM_OWNER);
        }

        /**
         * Stops the server and returns only once its postmaster has exited (or after the shutdown timeout and an
         * immediate shutdown), so that a quick restart does not find it still holding postmaster.pid. zonky's
         * {@code pg_ctl stop} waits 5 s at most, and the shutdown checkpoint alone can take longer after many
         * tenant databases were created: a checkpoint taken while the server still runs leaves it little to write.
         */
        @Override
        public void close() throws IOException {
            if (postgres == null) {
                return;
            }
            checkpoint();
            postgres.close();
            if (postmaster != null && !postmaster.awaitExit(Duration.ofSeconds(1))) {
                log.info("The embedded PostgreSQL (pid {}) is still shutting down: waiting up to {}", postmaster.pid(), shutdownTimeout);
                if (postmaster.stop(shutdownTimeout)) {
                    log.info("The embedded PostgreSQL has stopped");
                } else {
                    log.error("The embedded PostgreSQL (pid {}) did not stop; the next start stops it", postmaster.pid());
                }
            }
        }

        private void checkpoint() {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.setQueryTimeout((int) Math.max(1, shutdownTimeout.toSeconds()));
                s.execute("CHECKPOINT");
            } catch (SQLException e) {
                log.warn("Checkpoint before stopping the embedded PostgreSQL failed: {}", e.getMessage());
            }
        }
    }
}
