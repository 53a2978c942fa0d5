package com.novabilling.app.axon;

import org.axonframework.common.AxonThreadFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The threads every tenant's streaming processors share: a fixed pool for coordinators and one for work packages,
 * sized by configuration, so the number of threads does not grow with the number of tenants. Axon never shuts
 * an executor it was given down; these close after every tenant's runtime has stopped (see TenantRuntimeRegistry,
 * which depends on this bean).
 */
@Component
public class ProcessorExecutors implements AutoCloseable {

    private final ScheduledThreadPoolExecutor coordinators;
    private final ScheduledThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor housekeeping;
    private final ScheduledThreadPoolExecutor janitor;

    public ProcessorExecutors(AxonProperties properties) {
        this.coordinators = pool(properties.coordinatorThreads(), "processor-coordinator");
        this.workers = pool(properties.workerThreads(), "processor-worker");
        this.housekeeping = pool(1, "pool-housekeeping");
        this.janitor = pool(1, "tenant-janitor");
    }

    private static ScheduledThreadPoolExecutor pool(int threads, String name) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, threadFactory(name));
        pool.setRemoveOnCancelPolicy(true); // coordinators reschedule often; cancelled tasks must not pile up
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // every runtime has stopped by then
        return pool;
    }

    static ThreadFactory threadFactory(String name) {
        ThreadFactory axon = new AxonThreadFactory(name);
        return runnable -> {
            Thread thread = axon.newThread(runnable);
            thread.setDaemon(true);
            return thread;
        };
    }

    public ScheduledExecutorService coordinators() {
        return coordinators;
    }

    public ScheduledExecutorService workers() {
        return workers;
    }

    /** For the connection pools' housekeeping (quick, never blocking on the database): one thread. */
    public ScheduledExecutorService housekeeping() {
        return housekeeping;
    }

    /** For stopping idle tenants, which waits for their processors: one thread of its own. */
    public ScheduledExecutorService janitor() {
        return janitor;
    }

    @Override
    public void close() throws InterruptedException {
        for (ScheduledThreadPoolExecutor pool : new ScheduledThreadPoolExecutor[]{janitor, coordinators, workers, housekeeping}) {
            pool.shutdown();
        }
        for (ScheduledThreadPoolExecutor pool : new ScheduledThreadPoolExecutor[]{janitor, coordinators, workers, housekeeping}) {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }
}
