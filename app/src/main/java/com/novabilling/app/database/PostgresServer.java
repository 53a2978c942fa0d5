package com.novabilling.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server that holds the control database and every tenant database: either the embedded one
 * this application starts itself, or the server named by {@code SPRING_DATASOURCE_URL}.
 */
public class PostgresServer {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]*)(\\?.*)?");
    private static final Pattern SAFE_DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String hostAndPort;
    private final String query;
    private final String username;
    private final String password;

    public PostgresServer(String hostAndPort, String query, String username, String password) {
        this.hostAndPort = hostAndPort;
        this.query = query == null ? "" : query;
        this.username = username;
        this.password = password;
    }

    /** Parses {@code jdbc:postgresql://host:port/db?params}; returns the server and the database name. */
    public static ParsedUrl parse(String jdbcUrl, String username, String password) {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("SPRING_DATASOURCE_URL must look like jdbc:postgresql://host:port/database, got " + jdbcUrl);
        }
        String database = m.group(2).isBlank() ? null : m.group(2);
        return new ParsedUrl(new PostgresServer(m.group(1), m.group(3), username, password), database);
    }

    public record ParsedUrl(PostgresServer server, String database) {
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hostAndPort + "/" + database + query;
    }

    public boolean databaseExists(String database) {
        try (Connection c = connect("postgres");
             var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query databases on " + hostAndPort + ": " + e.getMessage(), e);
        }
    }

    /** Creates the database if it does not exist yet. CREATE DATABASE cannot run inside a transaction. */
    public void createDatabaseIfMissing(String database) {
        requireSafeName(database);
        if (databaseExists(database)) {
            return;
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently by another node
                throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Creates the database as a copy of {@code template}. False, with nothing created, when the template is missing or
     * busy: PostgreSQL refuses to copy a database anyone is connected to (55006), and only after waiting up to 5 s
     * for them to leave, so sessions are looked for first.
     */
    public boolean createDatabaseFromTemplate(String database, String template) {
        requireSafeName(database);
        requireSafeName(template);
        try (Connection c = connect("postgres");
             var busy = c.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            busy.setString(1, template);
            try (ResultSet rs = busy.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database + " TEMPLATE " + template);
            }
            return true;
        } catch (SQLException e) {
            if ("55006".equals(e.getSQLState()) || "3D000".equals(e.getSQLState())) { // object_in_use, invalid_catalog_name
                return false;
            }
            throw new IllegalStateException("cannot create database " + database + " from " + template + ": " + e.getMessage(), e);
        }
    }

    public void dropDatabaseIfExists(String database) {
        requireSafeName(database);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database + ": " + e.getMessage(), e);
        }
    }

    public HikariDataSource newPool(String database, String poolName, int maxSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(database));
        config.setUsername(username);
        config.setPassword(password);
        config.setPoolName(poolName);
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        config.setConnectionTimeout(10_000);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /**
     * A tenant database's pool: no connection until used, back to none when idle, every physical connection
     * counted in the node's budget, housekeeping on a shared thread instead of one per pool.
     */
    public HikariDataSource newTenantPool(String database, String poolName, TenantPoolSettings settings,
                                          ConnectionBudget budget, ScheduledExecutorService housekeeping) {
        PGSimpleDataSource physical = new PGSimpleDataSource();
        physical.setURL(jdbcUrl(database));
        physical.setUser(username);
        physical.setPassword(password);
        // PostgreSQL's JIT compiles each large query anew (100 ms and more) and pays off only in long analytics:
        // rating a subscription-period's million events ran faster without it (docs/architecture.md §4)
        physical.setOptions("-c jit=off");
        HikariConfig config = new HikariConfig();
        config.setDataSource(budget.guard(physical));
        config.setPoolName(poolName);
        config.setMaximumPoolSize(settings.maxSize());
        config.setMinimumIdle(0);
        config.setIdleTimeout(settings.idleTimeout().toMillis());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setInitializationFailTimeout(-1); // open no connection now; the first use does
        config.setScheduledExecutor(housekeeping);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    public record TenantPoolSettings(int maxSize, Duration idleTimeout, Duration connectionTimeout) {
    }

    /** The server's {@code max_connections}. */
    public int maxConnections() {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read max_connections of " + hostAndPort + ": " + e.getMessage(), e);
        }
    }

    /** A connection per {@code getConnection()}, closed when returned: for one-off work such as a migration. */
    public DataSource unpooled(String database) {
        requireSafeName(database);
        return new SimpleDriverDataSource(new Driver(), jdbcUrl(database), username, password);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username, password);
    }

    private static void requireSafeName(String database) {
        if (!SAFE_DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("unsafe database name: " + database);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL at " + hostAndPort;
    }
}
