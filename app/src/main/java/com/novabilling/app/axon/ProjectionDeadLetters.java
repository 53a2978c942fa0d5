package com.novabilling.app.axon;

import com.novabilling.api.error.NotFoundException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The dead-letter queues of one tenant's read-model projections: Axon's sequenced queue, one per processing group,
 * in the tenant's own database ({@code dead_letter_entry}). Lists, retries and evicts their letters, and tells a read
 * right after a write whether a projection it reads dead-lettered the write's events.
 */
public final class ProjectionDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetters.class);

    /** Outcome of a retry: how many sequences were retried and cleared, and the letters left. */
    public record RetryOutcome(int sequencesRetried, int sequencesCleared, List<ProjectionDeadLetter> deadLetters) {
    }

    private final String tenantId;
    private final Set<String> groups;
    private final Supplier<EventProcessingConfiguration> processing;
    private final JdbcTemplate tenantDatabase;
    private final TransactionManager transactionManager;
    private final ProjectionFailures failures;
    private final BiPredicate<String, Class<?>> handles;
    private final boolean soleNode;

    /**
     * @param groups   the processing groups that have a queue
     * @param handles  whether a group handles events of a payload type
     * @param soleNode no other node processes this tenant's events (the embedded server), so every dead letter is
     *                 enqueued here and a queue seen empty stays empty until a failure here
     */
    ProjectionDeadLetters(String tenantId, Set<String> groups, Supplier<EventProcessingConfiguration> processing,
                          JdbcTemplate tenantDatabase, TransactionManager transactionManager,
                          ProjectionFailures failures, BiPredicate<String, Class<?>> handles, boolean soleNode) {
        this.tenantId = tenantId;
        this.groups = Set.copyOf(groups);
        this.processing = processing;
        this.tenantDatabase = tenantDatabase;
        this.transactionManager = transactionManager;
        this.failures = failures;
        this.handles = handles;
        this.soleNode = soleNode;
    }

    /** Whether the processor (a processing group) has a dead-letter queue: every read-model projection does. */
    public boolean hasQueue(String processor) {
        return groups.contains(processor);
    }

    /** Letters per processing group; groups without any are absent. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        tenantDatabase.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** The group's letters, sequence by sequence, each sequence in its order. */
    public List<ProjectionDeadLetter> list(String group) {
        return sequences(queue(group)).stream().flatMap(List::stream).map(ProjectionDeadLetters::view).toList();
    }

    /**
     * Processes the group's queue again, each sequence from its first letter (Axon's dead-letter processing: the same
     * handlers, in a transaction; a letter handled evicted, the rest of its sequence after it). A sequence whose
     * letter fails again stays, with that failure as its cause and one more retry counted.
     */
    public RetryOutcome retry(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.get().sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalStateException("projection " + group + " has not started"));
        List<List<JdbcDeadLetter<EventMessage<?>>>> sequences = sequences(queue);
        int cleared = 0;
        for (List<JdbcDeadLetter<EventMessage<?>>> sequence : sequences) {
            sequence.forEach(letter -> failures.forget(group, letter.message().getIdentifier()));
            String first = sequence.get(0).message().getIdentifier();
            boolean processed;
            try {
                processed = processor.process(letter -> letter.message().getIdentifier().equals(first));
            } catch (RuntimeException couldNotCommit) {
                processed = false; // the handler failed, which left the retry's transaction rollback-only
            }
            if (processed) {
                cleared++;
            } else {
                recordFailedRetry(group, queue, sequence);
            }
        }
        return new RetryOutcome(sequences.size(), cleared, list(group));
    }

    /**
     * Axon requeues a letter that fails again inside the retry's transaction, which the failure has made
     * rollback-only; so the failure is recorded on the letter here, in a transaction of its own.
     */
    private void recordFailedRetry(String group, SequencedDeadLetterQueue<EventMessage<?>> queue,
                                   List<JdbcDeadLetter<EventMessage<?>>> sequence) {
        for (JdbcDeadLetter<EventMessage<?>> letter : sequence) {
            String eventId = letter.message().getIdentifier();
            Optional<ProjectionFailure> failure = failures.of(group, eventId);
            if (failure.isEmpty()) {
                continue;
            }
            log.warn("Retrying dead letter {} of projection {} of tenant {} failed again: {}: {}", eventId, group,
                    tenantId, failure.get().reason().summary(), failure.get().causeMessage());
            ThrowableCause cause = new ThrowableCause(failure.get().reason().code(), failure.get().causeMessage());
            transactionManager.executeInTransaction(() -> sequence(queue, letter.getSequenceIdentifier()).stream()
                    .filter(current -> current.getIdentifier().equals(letter.getIdentifier())
                            && current.lastTouched().equals(letter.lastTouched()))
                    .findFirst()
                    .ifPresent(current -> queue.requeue(current, unchanged -> new JdbcDeadLetter<>(
                            current.getIdentifier(), current.getSequenceIndex(), current.getSequenceIdentifier(),
                            current.enqueuedAt(), current.lastTouched(), cause,
                            current.diagnostics().and(ProjectionDeadLetterPolicy.RETRIES,
                                    ProjectionDeadLetterPolicy.retries(current) + 1),
                            current.message()))));
            return;
        }
    }

    /**
     * Removes the letter of the event {@code id}, or else every letter of the sequence {@code id} (an aggregate's):
     * those events are then never applied to the read model, unless it is rebuilt.
     *
     * @throws NotFoundException no letter of the group has that event or sequence identifier
     */
    public List<ProjectionDeadLetter> evict(String group, String id) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<JdbcDeadLetter<EventMessage<?>>> letters = sequences(queue).stream().flatMap(List::stream).toList();
        List<JdbcDeadLetter<EventMessage<?>>> evicted = letters.stream()
                .filter(letter -> letter.message().getIdentifier().equals(id))
                .toList();
        if (evicted.isEmpty()) {
            evicted = letters.stream().filter(letter -> letter.getSequenceIdentifier().equals(id)).toList();
        }
        if (evicted.isEmpty()) {
            throw new NotFoundException("Dead letter", id);
        }
        List<JdbcDeadLetter<EventMessage<?>>> chosen = evicted;
        transactionManager.executeInTransaction(() -> chosen.forEach(queue::evict));
        chosen.forEach(letter -> failures.forget(group, letter.message().getIdentifier()));
        log.info("Evicted {} dead letter(s) of projection {} of tenant {}: {}", chosen.size(), group, tenantId, id);
        return chosen.stream().map(ProjectionDeadLetters::view).toList();
    }

    /** Whether this node saw the group fail on one of the events. */
    boolean knownToHaveFailed(String group, List<String> eventIds) {
        return failures.firstFailed(group, eventIds).isPresent();
    }

    /**
     * The failure of a projection among {@code readGroups} to apply one of the events a request wrote, if any: known
     * on this node, or found in the queues (dead-lettered by another node, or queued behind an earlier letter).
     */
    Optional<ProjectionFailedException> failureAmong(Set<String> readGroups, List<RequestWrites.WrittenEvent> written) {
        List<String> concerned = readGroups.stream()
                .filter(groups::contains)
                .filter(group -> written.stream().anyMatch(event -> handles.test(group, event.payloadType())))
                .sorted()
                .toList();
        if (concerned.isEmpty()) {
            return Optional.empty();
        }
        List<String> eventIds = written.stream().map(RequestWrites.WrittenEvent::eventId).toList();
        for (String group : concerned) {
            Optional<String> failed = failures.firstFailed(group, eventIds);
            if (failed.isPresent()) {
                DeadLetterReason reason = failures.of(group, failed.get()).map(ProjectionFailure::reason)
                        .orElse(DeadLetterReason.HANDLER);
                return Optional.of(new ProjectionFailedException(group, failed.get(), reason));
            }
        }
        if (soleNode && withoutLetters(concerned)) {
            return Optional.empty(); // the read right after a write pays no query while the queues are empty
        }
        List<ProjectionFailedException> found = tenantDatabase.query(
                "SELECT processing_group, event_identifier, cause_type FROM dead_letter_entry "
                        + "WHERE processing_group = ANY (?) AND event_identifier = ANY (?) "
                        + "ORDER BY processing_group, sequence_index LIMIT 1",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("varchar", concerned.toArray()));
                    ps.setArray(2, ps.getConnection().createArrayOf("varchar", eventIds.toArray()));
                },
                (rs, i) -> new ProjectionFailedException(rs.getString(1), rs.getString(2),
                        DeadLetterReason.ofCode(rs.getString(3))));
        return found.stream().findFirst();
    }

    /** Whether every group's queue is empty, looking once at those not yet known to be. */
    private boolean withoutLetters(List<String> groups) {
        List<String> unknown = groups.stream().filter(group -> !failures.knownWithoutLetters(group)).toList();
        if (unknown.isEmpty()) {
            return true;
        }
        long asOf = failures.failuresSeen();
        List<String> withLetters = tenantDatabase.queryForList(
                "SELECT DISTINCT processing_group FROM dead_letter_entry WHERE processing_group = ANY (?)", String.class,
                (Object) unknown.toArray(String[]::new));
        failures.foundWithoutLetters(unknown.stream().filter(group -> !withLetters.contains(group)).toList(), asOf);
        return withLetters.isEmpty() && groups.stream().allMatch(failures::knownWithoutLetters);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!hasQueue(group)) {
            throw new IllegalArgumentException("projection " + group + " has no dead-letter queue");
        }
        return processing.get().deadLetterQueue(group)
                .orElseThrow(() -> new IllegalStateException("projection " + group + " has no dead-letter queue"));
    }

    private static List<List<JdbcDeadLetter<EventMessage<?>>>> sequences(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<List<JdbcDeadLetter<EventMessage<?>>>> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            List<JdbcDeadLetter<EventMessage<?>>> letters = jdbcLetters(sequence);
            if (!letters.isEmpty()) {
                sequences.add(letters);
            }
        }
        return sequences;
    }

    private static List<JdbcDeadLetter<EventMessage<?>>> sequence(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                                 String sequenceIdentifier) {
        return jdbcLetters(queue.deadLetterSequence(sequenceIdentifier));
    }

    @SuppressWarnings("unchecked")
    private static List<JdbcDeadLetter<EventMessage<?>>> jdbcLetters(Iterable<DeadLetter<? extends EventMessage<?>>> letters) {
        List<JdbcDeadLetter<EventMessage<?>>> jdbc = new ArrayList<>();
        letters.forEach(letter -> jdbc.add((JdbcDeadLetter<EventMessage<?>>) letter));
        return jdbc;
    }

    private static ProjectionDeadLetter view(JdbcDeadLetter<EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                && tracked.trackingToken().position().isPresent() ? tracked.trackingToken().position().getAsLong() : null;
        Optional<Cause> cause = letter.cause();
        DeadLetterReason reason = DeadLetterReason.ofCode(cause.map(Cause::type).orElse(null));
        return new ProjectionDeadLetter(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                letter.getSequenceIdentifier(), position, reason.summary(), cause.map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched(), ProjectionDeadLetterPolicy.retries(letter));
    }
}
