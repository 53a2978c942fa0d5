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

/**
 * Connects every catalogued tenant's database to the application at start-up, before the web server takes
 * requests. Tenants registered at runtime are connected by {@link TenantProvisioner}.
 */
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

    /** The database exists, has the latest schema and a verified pool. */
    public void prepareDatabase(String tenantId, String databaseName) {
        server.createDatabaseIfMissing(databaseName);
        DataSource pool = dataSources.open(tenantId, databaseName);
        migrator.migrate(pool);
    }

    /** The tenant's Axon configuration starts (after it is in the catalogue). */
    public void connect(String tenantId, String databaseName) {
        prepareDatabase(tenantId, databaseName);
        runtimes.start(tenantId);
    }

    @Override
    public void start() {
        var tenants = control.query("SELECT id, database_name FROM tenants WHERE is_active ORDER BY created_at",
                Map.of(), (rs, i) -> new String[]{rs.getString(1), rs.getString(2)});
        for (String[] tenant : tenants) {
            connect(tenant[0], tenant[1]);
        }
        log.info("{} tenant(s) connected", tenants.size());
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
