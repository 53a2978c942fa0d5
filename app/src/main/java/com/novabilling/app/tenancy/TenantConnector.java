package com.novabilling.app.tenancy;

import com.novabilling.app.axon.TenantRuntimeRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Ties the catalogued tenants to this node's runtime. Nothing is connected at start-up: a tenant's pool opens (and
 * its schema is brought up to date) on its first use, and its runtime starts then, so a node with a thousand
 * tenants serves requests at once. Every catalogued tenant stays reachable that way; work a node runs for tenants
 * on its own (later: schedules) starts them the same way. Tenants registered at runtime are provisioned by
 * {@link TenantProvisioner}.
 */
@Component
public class TenantConnector implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantConnector.class);

    private final TenantDataSources dataSources;
    private final TenantRuntimeRegistry runtimes;
    private final NamedParameterJdbcTemplate control;
    private volatile boolean running;

    public TenantConnector(TenantDataSources dataSources, TenantRuntimeRegistry runtimes,
                           @Qualifier("control") NamedParameterJdbcTemplate control) {
        this.dataSources = dataSources;
        this.runtimes = runtimes;
        this.control = control;
    }

    public static String databaseNameFor(String tenantId) {
        return "nb_tenant_" + tenantId.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    }

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
