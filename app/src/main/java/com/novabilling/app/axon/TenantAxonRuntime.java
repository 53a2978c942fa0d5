package com.novabilling.app.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;

/** One tenant's Axon: its own event store, command and query buses, event processors and sagas. */
public class TenantAxonRuntime {

    private final String tenantId;
    private final Configuration configuration;
    private final List<ExecutorService> executors;
    private final CommittedEvents committedEvents;

    TenantAxonRuntime(String tenantId, Configuration configuration, List<ExecutorService> executors,
                      CommittedEvents committedEvents) {
        this.tenantId = tenantId;
        this.configuration = configuration;
        this.executors = executors;
        this.committedEvents = committedEvents;
    }

    /** Which of some global indexes of the tenant's event table hold committed events. */
    @FunctionalInterface
    interface CommittedEvents {
        Set<Long> among(List<Long> globalIndexes);
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

    /**
     * A processor has caught up when its position reached the head and none of the gaps it still waits for below
     * the head is a committed event. Such a gap is an event whose transaction committed after a later one's (two
     * concurrent commands): it is not handled yet although the position is past it. Gaps that are not in the table
     * are transactions still running (not this caller's, whose command has committed) or rolled back; they are not
     * waited for.
     */
    private boolean caughtUpTo(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        return status.values().stream().allMatch(segment -> caughtUpTo(segment, head, committedEvents));
    }

    static boolean caughtUpTo(EventTrackerStatus segment, long head, CommittedEvents committedEvents) {
        if (segment.isErrorState()) {
            return true; // an erroring projection is retried by its processor; do not block the caller on it
        }
        if (segment.getCurrentPosition().orElse(-1) < head) {
            return false;
        }
        if (WrappedToken.unwrapLowerBound(segment.getTrackingToken()) instanceof GapAwareTrackingToken token) {
            List<Long> gapsBelowHead = token.getGaps().stream().filter(gap -> gap <= head).toList();
            return gapsBelowHead.isEmpty() || committedEvents.among(gapsBelowHead).isEmpty();
        }
        return true;
    }
}
