package com.novabilling.app.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;

/** One tenant's Axon: its own event store, command and query buses, event processors and sagas. */
public class TenantAxonRuntime {

    private final String tenantId;
    private final Configuration configuration;
    private final List<ExecutorService> executors;

    TenantAxonRuntime(String tenantId, Configuration configuration, List<ExecutorService> executors) {
        this.tenantId = tenantId;
        this.configuration = configuration;
        this.executors = executors;
    }

    public String tenantId() {
        return tenantId;
    }

    public CommandGateway commandGateway() {
        return configuration.commandGateway();
    }

    public QueryGateway queryGateway() {
        return configuration.queryGateway();
    }

    public EventStore eventStore() {
        return configuration.eventStore();
    }

    public Map<String, EventProcessor> eventProcessors() {
        return configuration.eventProcessingConfiguration().eventProcessors();
    }

    void start() {
        configuration.start();
    }

    void shutdown() {
        try {
            configuration.shutdown();
        } finally {
            executors.forEach(ExecutorService::shutdownNow);
        }
    }

    /** Position of the newest event in this tenant's store, or -1 when it is empty. */
    public long headPosition() {
        TrackingToken head = eventStore().createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Read-your-writes: waits until every running streaming processor of this tenant has handled the events up to
     * the store's head, so a read right after a command sees its effect. Gives up after {@code timeout}.
     */
    public void awaitProjections(Duration timeout) {
        long head = headPosition();
        if (head < 0) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (EventProcessor processor : eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                continue;
            }
            while (streaming.isRunning() && !caughtUpTo(streaming, head) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(2_000_000);
            }
        }
    }

    private static boolean caughtUpTo(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                return true; // an erroring projection is retried by its processor; do not block the caller on it
            }
            if (segment.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
        }
        return true;
    }
}
