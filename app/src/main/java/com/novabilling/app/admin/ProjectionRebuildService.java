package com.novabilling.app.admin;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.app.axon.TenantAxonRuntime;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Rebuilds the read models of the tenant bound to the current thread by replaying its event store into its
 * streaming processors: shut down, reset the tokens to the start of the store, start. The projections'
 * {@code @ResetHandler}s run inside the reset transaction of that tenant's processor, so only its tables are wiped.
 * Subscribing ({@code @SameTransaction}) processors and saga processors are never reset. A rebuilt projection's dead letters
 * are cleared with its tokens: the replay handles every event again, and dead-letters again whatever still fails.
 * <p>
 * Resetting needs every segment released, so this covers one node: a multi-node deployment must stop the
 * processor on the other nodes first.
 */
@Service
public class ProjectionRebuildService {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuildService.class);
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final TenantRuntimeRegistry runtimes;
    private final Set<String> tenantsResetting = ConcurrentHashMap.newKeySet();

    public ProjectionRebuildService(TenantRuntimeRegistry runtimes) {
        this.runtimes = runtimes;
    }

    /** Every event processor of the tenant, by name, with the number of its dead letters. */
    public List<ProjectionStatus> statuses() {
        TenantAxonRuntime runtime = runtimes.current();
        return statuses(runtime.eventProcessors(), runtime.headPosition(), runtime.deadLetterCounts());
    }

    /**
     * Rebuilds one processor, or with {@code processorName} null every resettable streaming processor of the tenant,
     * and returns their status right after restarting; the replay itself continues in the background.
     *
     * @throws NotFoundException   the tenant has no processor of that name
     * @throws ValidationException the processor cannot be rebuilt (subscribing, or it drives sagas)
     * @throws ConflictException   a rebuild of this tenant is being started or has not caught up yet
     */
    public List<ProjectionStatus> rebuild(String processorName) {
        TenantAxonRuntime runtime = runtimes.current();
        Map<String, StreamingEventProcessor> targets = targets(runtime.eventProcessors(), processorName);
        String tenantId = runtime.tenantId();
        if (!tenantsResetting.add(tenantId)) {
            throw rebuildInProgress();
        }
        try {
            List<ProjectionStatus> before = statuses(targets, runtime.headPosition(), Map.of());
            if (before.stream().anyMatch(ProjectionRebuildService::stillReplaying)) {
                throw rebuildInProgress();
            }
            targets.forEach((name, processor) -> replayFromStart(tenantId, name, processor));
        } finally {
            tenantsResetting.remove(tenantId);
        }
        return statuses(targets, runtime.headPosition(), runtime.deadLetterCounts());
    }

    /**
     * Rebuilds every resettable streaming processor of the current tenant and returns once each has handled the
     * store's head again. For tests and maintenance jobs.
     *
     * @throws RebuildTimeoutException some processor had not caught up after {@code timeout}
     */
    public List<ProjectionStatus> rebuildAndWait(Duration timeout) {
        TenantAxonRuntime runtime = runtimes.current();
        Set<String> rebuilt = rebuild(null).stream().map(ProjectionStatus::name).collect(Collectors.toSet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, EventProcessor> processors = runtime.eventProcessors().entrySet().stream()
                    .filter(entry -> rebuilt.contains(entry.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            List<ProjectionStatus> current = statuses(processors, runtime.headPosition(), Map.of());
            if (current.stream().allMatch(ProjectionStatus::caughtUp)) {
                return current;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new RebuildTimeoutException(timeout, current);
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for the projections of tenant "
                        + runtime.tenantId() + " to catch up");
            }
        }
    }

    private static Map<String, StreamingEventProcessor> targets(Map<String, EventProcessor> processors, String name) {
        if (name == null) {
            return processors.entrySet().stream()
                    .filter(entry -> entry.getValue() instanceof StreamingEventProcessor streaming && streaming.supportsReset())
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> (StreamingEventProcessor) entry.getValue(),
                            (first, second) -> first, TreeMap::new));
        }
        if (name.isBlank()) {
            throw new ValidationException("processor", "must not be blank; omit it to rebuild every projection");
        }
        EventProcessor processor = processors.get(name);
        if (processor == null) {
            throw new NotFoundException("Projection", name);
        }
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            throw new ValidationException("processor",
                    "'" + name + "' is a subscribing processor, updated in the publishing transaction; it cannot be rebuilt");
        }
        if (!streaming.supportsReset()) {
            throw new ValidationException("processor", "'" + name + "' drives sagas, which are never replayed");
        }
        return Map.of(name, streaming);
    }

    private static void replayFromStart(String tenantId, String name, StreamingEventProcessor processor) {
        log.info("Rebuilding projection {} of tenant {}", name, tenantId);
        processor.shutDown();
        try {
            // Explicitly from the tail: the processors' initial token is a replay token of the head, which would end
            // up nested inside the reset's own replay token.
            processor.resetTokens(StreamableMessageSource::createTailToken);
        } finally {
            processor.start(); // also after a failed reset, so the projection keeps serving from its old position
        }
    }

    /** A previous rebuild's replay still running: resetting again would wipe what it has rebuilt so far. */
    private static boolean stillReplaying(ProjectionStatus status) {
        return status.replaying() && !status.caughtUp() && !status.error();
    }

    private static ConflictException rebuildInProgress() {
        return new ConflictException("A rebuild of this tenant's projections is in progress; "
                + "retry when GET /api/admin/projections shows them caught up");
    }

    private static List<ProjectionStatus> statuses(Map<String, ? extends EventProcessor> processors, long head,
                                                   Map<String, Long> deadLetters) {
        return processors.entrySet().stream()
                .map(entry -> ProjectionStatus.of(entry.getKey(), entry.getValue(), head,
                        deadLetters.getOrDefault(entry.getKey(), 0L)))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    /** The rebuilt processors did not all reach the head within the allowed time. */
    public static class RebuildTimeoutException extends RuntimeException {
        private final List<ProjectionStatus> statuses;

        RebuildTimeoutException(Duration timeout, Collection<ProjectionStatus> statuses) {
            super("projections not caught up after " + timeout + ": " + statuses.stream()
                    .filter(status -> !status.caughtUp())
                    .map(status -> status.name() + " at " + status.position() + "/" + status.headPosition())
                    .collect(Collectors.joining(", ")));
            this.statuses = List.copyOf(statuses);
        }

        public List<ProjectionStatus> statuses() {
            return statuses;
        }
    }
}
