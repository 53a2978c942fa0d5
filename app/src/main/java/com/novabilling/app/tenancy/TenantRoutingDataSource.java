package com.novabilling.app.tenancy;

import org.springframework.jdbc.datasource.AbstractDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application's primary DataSource: a connection for the tenant bound in {@link TenantContext}, or, with no
 * tenant bound, the control database — which holds no tenant tables, so a routing mistake fails loudly instead
 * of touching another tenant's data.
 */
public class TenantRoutingDataSource extends AbstractDataSource {

    private final TenantDataSources tenants;
    private final DataSource control;

    public TenantRoutingDataSource(TenantDataSources tenants, DataSource control) {
        this.tenants = tenants;
        this.control = control;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection(username, password);
    }

    private DataSource target() {
        return TenantContext.current().map(tenants::require).orElse(control);
    }
}
