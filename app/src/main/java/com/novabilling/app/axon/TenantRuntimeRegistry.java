package com.novabilling.app.axon;

import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.app.tenancy.UnknownTenantException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Axon runtimes of the tenants active on this node. A tenant's runtime is built when it is first used (a
 * request, or work a node runs for it) and stopped again once it has been idle for {@code idle-timeout}: its
 * processors release their claims, and its connection pool drains to zero. A node therefore holds only the
 * tenants in use, whatever the number catalogued.
 * <p>
 * Single node per tenant at a time is not assumed: processors claim their tokens in the tenant's database, so a
 * tenant active on two nodes is processed by whichever holds the claim; {@link #eventsCommittedElsewhere} wakes
 * this node's processors when another node reports a commit.
 */
@Component
public class TenantRuntimeRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TenantRuntimeRegistry.class);

    private final TenantAxonRuntimeFactory factory;
    private final AxonProperties properties;
    private final Map<String, TenantAxonRuntime> runtimes = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> janitor;
    private volatile Consumer<String> commitListener = tenantId -> { };
    private volatile Consumer<String> stopListener = tenantId -> { };
    private volatile boolean closed;

    public TenantRuntimeRegistry(TenantAxonRuntimeFactory factory, AxonProperties properties, ProcessorExecutors executors) {
        this.factory = factory;
        this.properties = properties;
        long every = Math.max(1_000, Math.min(properties.idleTimeout().toMillis() / 4, 10_000));
        this.janitor = executors.janitor().scheduleWithFixedDelay(this::stopIdleTenantsQuietly, every, every,
                TimeUnit.MILLISECONDS);
    }

    /** Told of every commit on this node, e.g. to notify other nodes. */
    public void onEventsCommitted(Consumer<String> listener) {
        this.commitListener = listener;
    }

    /** Told of every tenant whose runtime stopped on this node, e.g. to close its idle connections. */
    public void onStopped(Consumer<String> listener) {
        this.stopListener = listener;
    }

    /** The tenant's runtime, built and started if it is not active on this node. Its pool must be reachable. */
    public TenantAxonRuntime start(String tenantId) {
        TenantAxonRuntime running = runtimes.get(tenantId);
        if (running != null && !running.isStopping()) {
            running.touch();
            return running;
        }
        synchronized (lockOf(tenantId)) {
            running = runtimes.get(tenantId);
            if (running != null) { // not stopping: stops complete under this lock
                return running;
            }
            if (closed) {
                throw new IllegalStateException("the node is shutting down");
            }
            long began = System.nanoTime();
            TenantAxonRuntime runtime = factory.create(tenantId, () -> commitListener.accept(tenantId));
            try {
                runtime.start();
            } catch (RuntimeException | Error e) {
                try {
                    runtime.shutdown(); // processors that did start must not run on unregistered
                } catch (RuntimeException shutdownFailure) {
                    e.addSuppressed(shutdownFailure);
                }
                throw e;
            }
            runtimes.put(tenantId, runtime);
            log.info("Axon started for tenant {} in {} ms", tenantId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            return runtime;
        }
    }

    /**
     * Marks the tenant in use until the returned lease is closed (a request): it is started if needed and is not
     * stopped while any lease is open.
     */
    public Lease lease(String tenantId) {
        while (true) {
            TenantAxonRuntime runtime = start(tenantId);
            runtime.enter();
            if (runtimes.get(tenantId) == runtime) {
                return runtime::exit;
            }
            runtime.exit(); // stopped between start and enter: take the next one
        }
    }

    @FunctionalInterface
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    public Optional<TenantAxonRuntime> find(String tenantId) {
        return Optional.ofNullable(runtimes.get(tenantId));
    }

    /** The tenant's runtime, started on demand. */
    public TenantAxonRuntime require(String tenantId) {
        if (tenantId == null) {
            throw new UnknownTenantException(null);
        }
        return start(tenantId);
    }

    /**
     * The runtime of the tenant bound to the current thread. Inside a unit of work (a handler of that runtime) it is
     * the runtime running the handler, even while it stops: waiting for it to stop there would never end.
     */
    public TenantAxonRuntime current() {
        String tenantId = TenantContext.require();
        if (CurrentUnitOfWork.isStarted()) {
            TenantAxonRuntime running = runtimes.get(tenantId);
            if (running != null) {
                return running;
            }
        }
        return require(tenantId);
    }

    /** Tenants whose runtime is active on this node now. */
    public Set<String> tenantIds() {
        return Set.copyOf(runtimes.keySet());
    }

    /** Another node committed events of this tenant: if it is active here, its processors read them now. */
    public void eventsCommittedElsewhere(String tenantId) {
        TenantAxonRuntime runtime = runtimes.get(tenantId);
        if (runtime != null) {
            runtime.eventsCommittedElsewhere();
        }
    }

    /** Every active tenant reads its store now (after notifications from other nodes may have been missed). */
    public void wakeAll() {
        runtimes.values().forEach(TenantAxonRuntime::eventsCommittedElsewhere);
    }

    public void stop(String tenantId) {
        synchronized (lockOf(tenantId)) {
            TenantAxonRuntime runtime = runtimes.get(tenantId);
            if (runtime != null) {
                stop(tenantId, runtime);
            }
        }
    }

    /** Under the tenant's lock: the runtime stays findable by its own handlers until it has stopped. */
    private void stop(String tenantId, TenantAxonRuntime runtime) {
        runtime.markStopping();
        try {
            runtime.shutdown();
        } finally {
            runtimes.remove(tenantId, runtime);
        }
        stopListener.accept(tenantId);
    }

    /** Stops the runtimes idle for at least {@code idleFor}; returns how many. */
    public int stopIdleTenants(Duration idleFor) {
        int stopped = 0;
        for (String tenantId : runtimes.keySet()) {
            synchronized (lockOf(tenantId)) {
                TenantAxonRuntime runtime = runtimes.get(tenantId);
                if (runtime != null && runtime.isIdle(idleFor)) {
                    stop(tenantId, runtime);
                    stopped++;
                    log.debug("Axon of idle tenant {} stopped", tenantId);
                }
            }
        }
        return stopped;
    }

    private void stopIdleTenantsQuietly() {
        try {
            stopIdleTenants(properties.idleTimeout());
        } catch (RuntimeException e) {
            log.warn("stopping idle tenants failed: {}", e.toString());
        }
    }

    private Object lockOf(String tenantId) {
        return locks.computeIfAbsent(tenantId, id -> new Object());
    }

    @Override
    public void close() {
        closed = true;
        janitor.cancel(false);
        runtimes.keySet().forEach(this::stop);
    }
}
