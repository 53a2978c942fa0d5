package com.novabilling.app.tenancy;

import com.novabilling.app.database.DatabaseProperties;
import com.novabilling.app.database.PostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One small connection pool per tenant database, opened when the tenant is connected and closed on removal. */
@Component
public class TenantDataSources implements AutoCloseable {

    private final PostgresServer server;
    private final DatabaseProperties properties;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    public TenantDataSources(PostgresServer server, DatabaseProperties properties) {
        this.server = server;
        this.properties = properties;
    }

    /** Opens the tenant's pool and proves it with a test connection before anyone routes to it. */
    public DataSource open(String tenantId, String databaseName) {
        return pools.computeIfAbsent(tenantId, id -> {
            HikariDataSource pool = server.newPool(databaseName, "tenant-" + id, properties.tenantPoolSize());
            try (Connection c = pool.getConnection()) {
                c.isValid(5);
            } catch (SQLException e) {
                pool.close();
                throw new IllegalStateException("cannot connect to the database of tenant " + id + ": " + e.getMessage(), e);
            }
            return pool;
        });
    }

    public DataSource require(String tenantId) {
        HikariDataSource pool = pools.get(tenantId);
        if (pool == null) {
            throw new UnknownTenantException(tenantId);
        }
        return pool;
    }

    public Set<String> tenantIds() {
        return Set.copyOf(pools.keySet());
    }

    public void close(String tenantId) {
        HikariDataSource pool = pools.remove(tenantId);
        if (pool != null) {
            pool.close();
        }
    }

    @Override
    public void close() {
        pools.keySet().forEach(this::close);
    }
}
