package com.novabilling.app.database;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The node's cap on physical connections to the tenant databases, so that however many tenants are busy the node
 * stays below the server's {@code max_connections}. Every tenant pool opens its connections through
 * {@link #guard(DataSource)}; a connection holds one permit until it is physically closed. When none is free the
 * budget first asks the pools to close idle connections ({@link #onExhausted}), then waits briefly, then refuses
 * with SQLSTATE 53300 (too many connections), which the API answers with 503 and Retry-After.
 */
public final class ConnectionBudget {

    /** SQLSTATE of PostgreSQL's own refusal, "too_many_connections". */
    public static final String TOO_MANY_CONNECTIONS = "53300";

    private final int capacity;
    private final Semaphore permits;
    private final Duration wait;
    private volatile Runnable onExhausted = () -> { };

    public ConnectionBudget(int capacity, Duration wait) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the connection budget must allow at least one connection, got " + capacity);
        }
        this.capacity = capacity;
        this.permits = new Semaphore(capacity, true);
        this.wait = wait;
    }

    public int capacity() {
        return capacity;
    }

    /** Physical connections open now. */
    public int inUse() {
        return capacity - permits.availablePermits();
    }

    /** What to do when the budget runs out: close idle connections of other pools. */
    public void onExhausted(Runnable reclaimIdleConnections) {
        this.onExhausted = reclaimIdleConnections;
    }

    /** A data source whose every physical connection counts against this budget. */
    public DataSource guard(DataSource physical) {
        return new BudgetedDataSource(physical, this);
    }

    Connection open(DataSource physical) throws SQLException {
        acquire();
        Connection connection;
        try {
            connection = physical.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
        return releasingOnClose(connection);
    }

    private void acquire() throws SQLException {
        if (permits.tryAcquire()) {
            return;
        }
        onExhausted.run();
        try {
            if (permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new SQLTransientConnectionException("the node's budget of " + capacity
                + " database connections is in use", TOO_MANY_CONNECTIONS);
    }

    private Connection releasingOnClose(Connection connection) {
        AtomicBoolean released = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        try {
                            connection.close();
                        } finally {
                            if (released.compareAndSet(false, true)) {
                                permits.release();
                            }
                        }
                        return null;
                    }
                    if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> type
                            && type.isInstance(connection)) {
                        return connection; // let drivers' own interfaces (PGConnection) through
                    }
                    if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> type
                            && type.isInstance(connection)) {
                        return true;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
