package com.novabilling.app.tenancy;

import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Brings a tenant database to the latest schema: Axon's tables and every read model. The migrations live in
 * {@code db/tenant} of each module (command side, query side, sagas) and are versioned {@code V<issue>_<n>}.
 */
@Component
public class TenantDatabaseMigrator {

    public void migrate(DataSource tenantDatabase) {
        Flyway.configure()
                .dataSource(tenantDatabase)
                .locations("classpath:db/tenant")
                .load()
                .migrate();
    }
}
