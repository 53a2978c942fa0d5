package com.novabilling.app.axon;

import com.novabilling.app.tenancy.TenantContext;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections for one tenant's event, token and saga storage. Inside a transaction it returns the transaction's
 * own connection (so events, lookup tables and read models commit together) after checking that the transaction
 * belongs to this tenant; outside one (the event store's reader thread) it opens one from the tenant's pool.
 */
final class TenantConnectionProvider implements ConnectionProvider {

    private final String tenantId;
    private final DataSource routingDataSource;
    private final DataSource tenantDataSource;
    private final ConnectionProvider transactional;

    TenantConnectionProvider(String tenantId, DataSource routingDataSource, DataSource tenantDataSource) {
        this.tenantId = tenantId;
        this.routingDataSource = routingDataSource;
        this.tenantDataSource = tenantDataSource;
        this.transactional = new SpringDataSourceConnectionProvider(routingDataSource);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (TransactionSynchronizationManager.hasResource(routingDataSource)) {
            String bound = TenantContext.current().orElse(null);
            if (!tenantId.equals(bound)) {
                throw new IllegalStateException("storage of tenant " + tenantId + " used inside a transaction bound to " + bound);
            }
            return transactional.getConnection();
        }
        return tenantDataSource.getConnection();
    }
}
