package com.novabilling.app.tenancy;

import com.novabilling.app.axon.ProcessorExecutors;
import com.novabilling.app.database.ConnectionBudget;
import com.novabilling.app.database.DatabaseProperties;
import com.novabilling.app.database.PostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One small connection pool per tenant database, opened when the tenant is first used on this node (its schema
 * brought up to date then) and kept: an idle pool holds no connection and no thread. Every pool's connections count
 * against the node's {@link ConnectionBudget}; when it runs out, idle connections of other tenants are closed first.
 */
@Component
public class TenantDataSources implements AutoCloseable {

    private final PostgresServer server;
    private final DatabaseProperties properties;
    private final ConnectionBudget budget;
    private final ProcessorExecutors executors;
    private final NamedParameterJdbcTemplate control;
    private final TenantDatabaseMigrator migrator;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public TenantDataSources(PostgresServer server, DatabaseProperties properties, ConnectionBudget budget,
                             ProcessorExecutors executors, @Qualifier("control") HikariDataSource controlDataSource,
                             TenantDatabaseMigrator migrator) {
        this.server = server;
        this.properties = properties;
        this.budget = budget;
        this.executors = executors;
        this.control = new NamedParameterJdbcTemplate(controlDataSource);
        this.migrator = migrator;
        budget.onExhausted(this::closeIdleConnectionsOfUnusedPools);
    }

    /** Opens the tenant's pool and proves it with a test connection before anyone routes to it. */
    public DataSource open(String tenantId, String databaseName) {
        return pools.computeIfAbsent(tenantId, id -> {
            HikariDataSource pool = server.newTenantPool(databaseName, "tenant-" + id,
                    new PostgresServer.TenantPoolSettings(properties.tenantPoolSize(), properties.tenantPoolIdleTimeout(),
                            properties.tenantConnectionTimeout()),
                    budget, executors.housekeeping());
            try (Connection c = pool.getConnection()) {
                c.isValid(5);
            } catch (SQLException e) {
                pool.close();
                throw new IllegalStateException("cannot connect to the database of tenant " + id + ": " + e.getMessage(), e);
            }
            return pool;
        });
    }

    /**
     * The tenant's pool; on its first use on this node the pool is opened and the database brought to the latest
     * schema. Unknown (or not yet active) tenants are refused.
     */
    public DataSource require(String tenantId) {
        HikariDataSource pool = pools.get(tenantId);
        if (pool != null) {
            return pool;
        }
        synchronized (locks.computeIfAbsent(tenantId, id -> new Object())) {
            pool = pools.get(tenantId);
            if (pool != null) {
                return pool;
            }
            List<String> database = control.queryForList("SELECT database_name FROM tenants WHERE id = :id AND is_active",
                    Map.of("id", tenantId), String.class);
            if (database.isEmpty()) {
                throw new UnknownTenantException(tenantId);
            }
            DataSource opened = open(tenantId, database.get(0));
            migrator.migrateIfBehind(opened);
            return opened;
        }
    }

    public Set<String> tenantIds() {
        return Set.copyOf(pools.keySet());
    }

    /** Connections the tenant's pool holds now (in use and idle); 0 when it has none or no pool. */
    public int connectionsOf(String tenantId) {
        HikariDataSource pool = pools.get(tenantId);
        HikariPoolMXBean bean = pool == null ? null : pool.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getTotalConnections();
    }

    /** Closes the idle connections of a tenant that has stopped being used (connections in use are left alone). */
    public void closeIdleConnections(String tenantId) {
        HikariDataSource pool = pools.get(tenantId);
        if (pool != null && pool.getHikariPoolMXBean() != null && pool.getHikariPoolMXBean().getActiveConnections() == 0) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** The budget ran out: pools with idle connections and none in use give theirs back, fullest first. */
    private void closeIdleConnectionsOfUnusedPools() {
        pools.values().stream()
                .filter(pool -> pool.getHikariPoolMXBean() != null)
                .filter(pool -> pool.getHikariPoolMXBean().getIdleConnections() > 0)
                .sorted(Comparator.comparingInt((HikariDataSource pool) -> pool.getHikariPoolMXBean().getActiveConnections())
                        .thenComparing(pool -> -pool.getHikariPoolMXBean().getIdleConnections()))
                .forEach(pool -> {
                    if (pool.getHikariPoolMXBean().getActiveConnections() == 0) {
                        pool.getHikariPoolMXBean().softEvictConnections();
                    }
                });
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
