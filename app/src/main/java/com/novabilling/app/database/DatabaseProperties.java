package com.novabilling.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param embeddedStartupTimeout    longest wait for the embedded server to accept connections (after a crash it first
 *                                  replays its WAL)
 * @param embeddedShutdownTimeout   longest wait for the embedded server's fast shutdown, at a normal stop and for a
 *                                  server a crashed run left behind; then immediate shutdown
 * @param embeddedAutovacuumNaptime how often the embedded server's autovacuum visits each database
 * @param tenantPoolSize            most connections one tenant's pool opens
 * @param tenantPoolIdleTimeout     an unused connection of a tenant pool is closed after this (at least 10 s)
 * @param tenantConnectionTimeout   longest a request waits for a tenant connection before answering 503
 * @param connectionBudget          most connections this node opens to tenant databases in all; 0 = derived from
 *                                  the server's max_connections (minus the control pool and headroom). With several
 *                                  nodes on one server, set it so that the nodes' budgets add up below it.
 * @param connectionBudgetHeadroom  connections of the server's max_connections left to others when derived
 */
@ConfigurationProperties("novabilling.database")
public record DatabaseProperties(boolean embeddedDurable,
                                 int embeddedPort,
                                 int embeddedMaxConnections,
                                 Duration embeddedStartupTimeout,
                                 Duration embeddedShutdownTimeout,
                                 String embeddedAutovacuumNaptime,
                                 String controlDatabase,
                                 int tenantPoolSize,
                                 Duration tenantPoolIdleTimeout,
                                 Duration tenantConnectionTimeout,
                                 int controlPoolSize,
                                 int connectionBudget,
                                 int connectionBudgetHeadroom) {

    /** The budget for this node given the server's usable connections. */
    public int budgetFor(int serverMaxConnections) {
        if (connectionBudget > 0) {
            return connectionBudget;
        }
        return Math.max(tenantPoolSize, serverMaxConnections - controlPoolSize - connectionBudgetHeadroom);
    }
}
