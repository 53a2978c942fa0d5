package com.novabilling.app.tenancy;

import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.database.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Map;

/** Connects tenant databases to the application: at registration (create, migrate, open, start Axon — no restart). */
@Component
public class TenantConnector implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantConnector.class);

    private final PostgresServer server;
    private final TenantDataSources dataSources;
    private final TenantDatabaseMigrator migrator;
    private final TenantRuntimeRegistry runtimes;
    private final NamedParameterJdbcTemplate control;
    private volatile boolean running;

    public TenantConnector(PostgresServer server, TenantDataSources dataSources, TenantDatabaseMigrator migrator,
                           TenantRuntimeRegistry runtimes, @Qualifier("control") NamedParameterJdbcTemplate control) {
        this.server = server;
        this.dataSources = dataSources;
        this.migrator = migrator;
        this.runtimes = runtimes;
        this.control = control;
    }

    public static String databaseNameFor(String tenantId) {
        return "nb_tenant_" + tenantId.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    }

    /** Step 1–3 of provisioning: the database exists, has the latest schema and a verified pool. */
    public void prepareDatabase(String tenantId, String databaseName) {
        server.createDatabaseIfMissing(databaseName);
        DataSource pool = dataSources.open(tenantId, databaseName);
        migrator.migrate(pool);
    }

    /** Step 5: the tenant's Axon configuration starts (after it is in the catalogue). */
    public void connect(String tenantId, String databaseName) {
        prepareDatabase(tenantId, databaseName);
        runtimes.start(tenantId);
    }

    /** Undoes a registration that failed half-way; the database is dropped only when nothing refers to it. */
    public void abandon(String tenantId, String databaseName) {
        runtimes.stop(tenantId);
        dataSources.close(tenantId);
        try {
            server.dropDatabaseIfExists(databaseName);
        } catch (RuntimeException e) {
            log.warn("could not drop database {} of abandoned tenant {}: {}", databaseName, tenantId, e.getMessage());
        }
    }

    /**
     * Nothing is connected at start-up: a tenant's pool opens (and its schema is brought up to date) on its first
     * use, and its runtime starts then, so a node with a thousand tenants serves requests at once. Every catalogued
     * tenant stays reachable that way; work a node runs for tenants on its own (later: schedules) starts them too.
     */
    @Override
    public void start() {
        runtimes.onStopped(dataSources::closeIdleConnections);
        Integer tenants = control.queryForObject("SELECT count(*) FROM tenants WHERE is_active", Map.of(), Integer.class);
        log.info("{} tenant(s) catalogued; each connects on first use", tenants);
        running = true;
    }

    @Override
    public void stop() {
        runtimes.close();
        dataSources.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0; // before the web server (which starts in the last phase) accepts requests
    }
}
