package com.novabilling.app.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;

/**
 * One tenant's Axon on this node: its own event store, command and query buses, event processors and sagas, built
 * when the tenant is first used and stopped again when it has been idle (see {@link TenantRuntimeRegistry}).
 */
public class TenantAxonRuntime {

    /** Writes remembered for read-your-writes beyond this many are forgotten, oldest first (a stuck projection). */
    private static final int MAX_REMEMBERED_WRITES = 10_000;

    private final String tenantId;
    private final Configuration configuration;
    private final TenantEventSource eventSource;
    private final MessageHandlerCatalog catalog;
    private final WrittenPositions writes;
    private final StoredTokens storedTokens;
    private final Progress progress;
    private final ProjectionDeadLetters deadLetters;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lastUsedNanos = new AtomicLong(System.nanoTime());
    private volatile boolean stopping;
    private volatile Map<String, EventProcessor> processors;
    private volatile Map<String, StreamingEventProcessor> streamingProcessors;

    TenantAxonRuntime(String tenantId, Configuration configuration, TenantEventSource eventSource,
                      MessageHandlerCatalog catalog, WrittenPositions writes, StoredTokens storedTokens,
                      Progress progress, ProjectionDeadLetters deadLetters) {
        this.tenantId = tenantId;
        this.configuration = configuration;
        this.eventSource = eventSource;
        this.catalog = catalog;
        this.writes = writes;
        this.storedTokens = storedTokens;
        this.progress = progress;
        this.deadLetters = deadLetters;
    }

    /** Told after each projection batch (its status already advanced), so readers waiting for it look again at once. */
    static final class Progress {
        private long batches;

        synchronized void batchDone() {
            batches++;
            notifyAll();
        }

        synchronized long batches() {
            return batches;
        }

        /** Returns when a batch completed after {@code seen}, or after {@code nanos}. */
        synchronized void awaitBatchAfter(long seen, long nanos) {
            long deadline = System.nanoTime() + nanos;
            try {
                for (long left = nanos; batches == seen && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The tokens a processor's segments have stored in the tenant's database (whichever node claims them). */
    @FunctionalInterface
    interface StoredTokens {
        List<TrackingToken> of(String processorName);
    }

    /**
     * Global indexes of events committed on this node that some projection may not have handled yet. A read waits
     * until the read models it reads have handled all of them, so it sees every write acknowledged before it began,
     * including one that committed later than an event with a higher index.
     */
    static final class WrittenPositions {
        private final NavigableMap<Long, Set<Class<?>>> positions = new ConcurrentSkipListMap<>();

        void committed(long position, Set<Class<?>> payloadTypes) {
            positions.put(position, payloadTypes);
            while (positions.size() > MAX_REMEMBERED_WRITES) {
                positions.pollFirstEntry();
            }
        }

        /** The remembered writes some of whose events the predicate accepts. */
        List<Long> concerning(Predicate<Class<?>> handles) {
            return positions.entrySet().stream()
                    .filter(write -> write.getValue().stream().anyMatch(handles))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        Map<Long, Set<Class<?>>> snapshot() {
            return Map.copyOf(positions);
        }

        void forget(Collection<Long> handledEverywhere) {
            handledEverywhere.forEach(positions::remove);
        }

        boolean isEmpty() {
            return positions.isEmpty();
        }
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
        Map<String, EventProcessor> started = processors;
        return started != null ? started : configuration.eventProcessingConfiguration().eventProcessors();
    }

    /**
     * The read-model projections' event handlers by processing group, as their processors invoke them (same parameter
     * resolvers and handler definitions), without the processors' dead-lettering: for a replay into a scratch schema.
     */
    public Map<String, List<org.axonframework.eventhandling.EventMessageHandler>> readModelHandlers() {
        Map<String, List<org.axonframework.eventhandling.EventMessageHandler>> byGroup = new java.util.TreeMap<>();
        catalog.readModelProjections().forEach((group, handlers) -> byGroup.put(group, handlers.stream()
                .<org.axonframework.eventhandling.EventMessageHandler>map(handler ->
                        new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(handler,
                                configuration.parameterResolverFactory(),
                                configuration.handlerDefinition(handler.getClass())))
                .toList()));
        return byGroup;
    }

    /** The dead-letter queues of the tenant's read-model projections. */
    /** Delivers the tenant's deadlines due at {@code now}; the instant the next one falls due, if any. */
    public java.util.Optional<java.time.Instant> runDueDeadlines(java.time.Instant now) {
        return ((TenantDeadlineManager) configuration.deadlineManager()).runDue(now);
    }

    public ProjectionDeadLetters deadLetters() {
        return deadLetters;
    }

    /** Dead letters per processor that has any. */
    public Map<String, Long> deadLetterCounts() {
        return deadLetters.counts();
    }

    EventProcessingConfiguration eventProcessingConfiguration() {
        return configuration.eventProcessingConfiguration();
    }

    void start() {
        configuration.start();
        // fixed once started; Axon's own accessor searches the modules and copies the map on every call (every read)
        Map<String, EventProcessor> all = Map.copyOf(configuration.eventProcessingConfiguration().eventProcessors());
        streamingProcessors = streaming(all);
        processors = all;
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> started = streamingProcessors;
        return started != null ? started : streaming(eventProcessors());
    }

    private static Map<String, StreamingEventProcessor> streaming(Map<String, EventProcessor> processors) {
        Map<String, StreamingEventProcessor> streaming = new java.util.HashMap<>();
        processors.forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return Map.copyOf(streaming);
    }

    /** The stream source of the tenant's processors, for tests of what a commit wakes. */
    TenantEventSource eventSource() {
        return eventSource;
    }

    void markStopping() {
        stopping = true;
    }

    boolean isStopping() {
        return stopping;
    }

    void shutdown() {
        configuration.shutdown();
    }

    /** Events were committed by another node: read them now rather than at the next safety check. */
    void eventsCommittedElsewhere() {
        touch();
        eventSource.signal();
    }

    void enter() {
        inFlight.incrementAndGet();
        touch();
    }

    void exit() {
        inFlight.decrementAndGet();
        touch();
    }

    void touch() {
        lastUsedNanos.set(System.nanoTime());
    }

    /**
     * Nothing to do here: no request inside, nothing used for {@code idleFor}, the processors' streams have handed
     * out every event they read, every processor has handled up to the newest of those, and no write waits for a
     * projection. A failing processor keeps its tenant active (its retries go on).
     */
    boolean isIdle(Duration idleFor) {
        if (inFlight.get() > 0 || System.nanoTime() - lastUsedNanos.get() < idleFor.toNanos()) {
            return false;
        }
        forgetHandledWrites();
        if (!writes.isEmpty()) {
            return false;
        }
        OptionalLong delivered = eventSource.drainedUpTo();
        if (delivered.isEmpty()) {
            eventSource.wakeLaggingStreams(); // processors not woken for commits they do not handle catch up now
            return false;
        }
        return eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(p -> !p.isRunning() || p.processingStatus().values().stream()
                        .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= delivered.getAsLong()));
    }

    /** Position of the newest event in this tenant's store, or -1 when it is empty. */
    public long headPosition() {
        TrackingToken head = eventStore().createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Read-your-writes for a query: waits until the projections the query reads ({@link MessageHandlerCatalog})
     * have handled every write this node committed for the tenant, or {@code timeout} has passed. Queries that read
     * no projection do not wait.
     *
     * @throws ProjectionFailedException a projection the query reads dead-lettered an event this request wrote: the
     *                                   answer could not show the write. Found as soon as the projection fails on it.
     */
    public void awaitReadModelsOf(Class<?> queryType, Duration timeout) {
        Set<String> groups = catalog.readModelsOf(queryType);
        List<RequestWrites.WrittenEvent> ownWrites = RequestWrites.current();
        List<String> ownEvents = ownWrites.stream().map(RequestWrites.WrittenEvent::eventId).toList();
        awaitProcessingGroups(groups, timeout, ownEvents);
        if (!ownWrites.isEmpty()) {
            deadLetters.failureAmong(groups, ownWrites).ifPresent(failure -> {
                throw failure;
            });
        }
    }

    /**
     * For an event handler with side effects that reads read models (never a projection itself): waits until the
     * projections a query of this type reads have handled the event at {@code position} of the tenant's store, or
     * {@code timeout} has passed. A failing projection segment counts as having handled it (it will be retried or
     * dead-letter the event), so the caller must still check what it reads.
     *
     * @return whether every such projection has handled the event
     */
    public boolean awaitReadModelsAt(Class<?> queryType, long position, Duration timeout) {
        Map<String, EventProcessor> processors = eventProcessors();
        // a position past the last event such a projection handles is read by it only when its stream is woken
        eventSource.wakeLaggingStreams();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : catalog.readModelsOf(queryType)) {
            if (!(processors.get(group) instanceof StreamingEventProcessor processor)) {
                continue;
            }
            while (true) {
                long seen = progress.batches();
                if (handledAll(group, processor, List.of(position))) {
                    break;
                }
                if (!processor.isRunning() || System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                progress.awaitBatchAfter(seen, Math.min(2_000_000, deadline - System.nanoTime()));
            }
        }
        return true;
    }

    /**
     * Waits until the processing group has handled every write this node committed for the tenant that concerns it,
     * or {@code timeout} has passed: a test clock's step lets what its transitions set off (the invoices of a
     * boundary) happen while the clock stands at that step.
     *
     * @return whether the group has handled them all (true also for a group that is not streaming here)
     */
    public boolean awaitProcessingGroup(String group, Duration timeout) {
        if (!(eventProcessors().get(group) instanceof StreamingEventProcessor processor)) {
            return true;
        }
        List<Long> awaited = writes.concerning(type -> catalog.handles(group, type));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = progress.batches();
            if (handledAll(group, processor, awaited)) {
                return true;
            }
            if (!processor.isRunning() || System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            progress.awaitBatchAfter(seen, Math.min(2_000_000, deadline - System.nanoTime()));
        }
    }

    /** Stops waiting for a group at once when it has failed on one of {@code ownEvents}: it will not show them. */
    private void awaitProcessingGroups(Set<String> groups, Duration timeout, List<String> ownEvents) {
        if (groups.isEmpty() || writes.isEmpty()) {
            return;
        }
        Map<String, EventProcessor> processors = eventProcessors();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : groups) {
            if (!(processors.get(group) instanceof StreamingEventProcessor processor)) {
                continue;
            }
            List<Long> awaited = writes.concerning(type -> catalog.handles(group, type));
            while (true) {
                long seen = progress.batches();
                if (!processor.isRunning() || handledAll(group, processor, awaited) || System.nanoTime() >= deadline
                        || Thread.currentThread().isInterrupted()
                        || !ownEvents.isEmpty() && deadLetters.knownToHaveFailed(group, ownEvents)) {
                    break;
                }
                // woken by the next batch; looks again after 2 ms at the latest (a token read from the database)
                progress.awaitBatchAfter(seen, Math.min(2_000_000, deadline - System.nanoTime()));
            }
        }
        forgetHandledWrites();
    }

    /** Forgets the writes that every processor handling one of their events has handled. */
    private void forgetHandledWrites() {
        Map<Long, Set<Class<?>>> remembered = writes.snapshot();
        if (remembered.isEmpty()) {
            return;
        }
        Map<String, StreamingEventProcessor> streaming = streamingProcessors();
        writes.forget(remembered.entrySet().stream()
                .filter(write -> streaming.entrySet().stream()
                        .filter(p -> write.getValue().stream().anyMatch(type -> catalog.handles(p.getKey(), type)))
                        .allMatch(p -> handledLocally(p.getValue(), List.of(write.getKey()))))
                .map(Map.Entry::getKey)
                .toList());
    }

    /**
     * Whether the processor has handled every position: by its status when it runs here, else — its segment claimed
     * by another node, or not claimed yet — by the token stored in the tenant's database.
     */
    private boolean handledAll(String name, StreamingEventProcessor processor, List<Long> positions) {
        if (!processor.processingStatus().isEmpty()) {
            return handledLocally(processor, positions);
        }
        List<TrackingToken> stored = storedTokens.of(name);
        return !stored.isEmpty() && stored.stream().allMatch(token -> positions.stream().allMatch(p -> covers(token, p)));
    }

    private static boolean handledLocally(StreamingEventProcessor processor, List<Long> positions) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        return status.values().stream().allMatch(segment -> positions.stream().allMatch(p -> handled(segment, p)));
    }

    /**
     * A segment has handled the event at {@code position} when its token covers it: past it and not waiting for it
     * as a gap (an event of a transaction that committed after a later one's). A failing segment is retried by its
     * processor and never blocks the caller.
     */
    static boolean handled(EventTrackerStatus segment, long position) {
        if (segment.isErrorState()) {
            return true;
        }
        return covers(segment.getTrackingToken(), position);
    }

    static boolean covers(TrackingToken token, long position) {
        TrackingToken lowerBound = WrappedToken.unwrapLowerBound(token);
        if (lowerBound instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return lowerBound != null && lowerBound.position().orElse(-1) >= position;
    }
}
