package com.novabilling.app.axon;

import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.app.tenancy.UnknownTenantException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The running Axon configuration of every tenant connected on this node. */
@Component
public class TenantRuntimeRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TenantRuntimeRegistry.class);

    private final TenantAxonRuntimeFactory factory;
    private final Map<String, TenantAxonRuntime> runtimes = new ConcurrentHashMap<>();

    public TenantRuntimeRegistry(TenantAxonRuntimeFactory factory) {
        this.factory = factory;
    }

    /** Builds and starts the tenant's buses, store and processors; the tenant's pool must already be open. */
    public TenantAxonRuntime start(String tenantId) {
        return runtimes.computeIfAbsent(tenantId, id -> {
            TenantAxonRuntime runtime = factory.create(id);
            runtime.start();
            log.info("Axon started for tenant {}", id);
            return runtime;
        });
    }

    public Optional<TenantAxonRuntime> find(String tenantId) {
        return Optional.ofNullable(runtimes.get(tenantId));
    }

    public TenantAxonRuntime require(String tenantId) {
        TenantAxonRuntime runtime = runtimes.get(tenantId);
        if (runtime == null) {
            throw new UnknownTenantException(tenantId);
        }
        return runtime;
    }

    /** The runtime of the tenant bound to the current thread. */
    public TenantAxonRuntime current() {
        return require(TenantContext.require());
    }

    public Set<String> tenantIds() {
        return Set.copyOf(runtimes.keySet());
    }

    public void stop(String tenantId) {
        TenantAxonRuntime runtime = runtimes.remove(tenantId);
        if (runtime != null) {
            runtime.shutdown();
        }
    }

    @Override
    public void close() {
        runtimes.keySet().forEach(this::stop);
    }
}
