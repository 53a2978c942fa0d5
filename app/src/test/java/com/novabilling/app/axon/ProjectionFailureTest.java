package com.novabilling.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a projection's failure on an event is described, and what the dead-letter policy makes of it. */
class ProjectionFailureTest {

    @Test
    void theReasonFollowsTheDatabasesRefusalOrElseBlamesTheHandler() {
        assertThat(DeadLetterReason.of(wrapped(new SQLException("invalid byte sequence", "22021")))).isEqualTo(DeadLetterReason.INVALID_DATA);
        assertThat(DeadLetterReason.of(wrapped(new SQLException("numeric field overflow", "22003")))).isEqualTo(DeadLetterReason.INVALID_DATA);
        assertThat(DeadLetterReason.of(wrapped(new SQLException("duplicate key", "23505")))).isEqualTo(DeadLetterReason.CONFLICT);
        assertThat(DeadLetterReason.of(wrapped(new SQLException("no such column", "42703")))).isEqualTo(DeadLetterReason.DATABASE);
        assertThat(DeadLetterReason.of(new IllegalStateException("bug"))).isEqualTo(DeadLetterReason.HANDLER);
    }

    @Test
    void aStoredReasonIsReadBackByItsCodeAndALetterWithoutCauseWaitsBehindAnother() {
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            assertThat(DeadLetterReason.ofCode(reason.code())).isEqualTo(reason);
        }
        assertThat(DeadLetterReason.ofCode(null)).isEqualTo(DeadLetterReason.QUEUED_BEHIND);
        assertThat(DeadLetterReason.ofCode("java.lang.IllegalStateException")).isEqualTo(DeadLetterReason.HANDLER);
    }

    @Test
    void theCauseIsTheDatabasesOwnFirstLineNotTheOrmsSqlNorAClassName() {
        SQLException refusal = new SQLException("ERROR: value too long for type character varying(255)\n  Where: SQL", "22001");
        RuntimeException orm = new RuntimeException("could not execute statement [insert into customers (name) values (?)]", refusal);
        assertThat(ProjectionFailure.causeMessage(orm)).isEqualTo("value too long for type character varying(255)");

        RuntimeException wrapping = new RuntimeException(new IllegalStateException("Customer cus_1 is not in the read model"));
        assertThat(ProjectionFailure.causeMessage(wrapping)).isEqualTo("Customer cus_1 is not in the read model");
        assertThat(ProjectionFailure.causeMessage(new NullPointerException())).isEqualTo("no message");
    }

    @Test
    void theCauseHasNoControlCharacterAndABoundedLength() {
        assertThat(ProjectionFailure.causeMessage(new IllegalStateException("a\u0000b\tc"))).isEqualTo("a b c");
        String cause = ProjectionFailure.causeMessage(new IllegalStateException("x".repeat(5_000)));
        assertThat(cause).hasSize(ProjectionFailure.MAX_CAUSE_LENGTH).endsWith("…");
    }

    @Test
    void anUnreachableOrBusyDatabaseIsRetriedNeverDeadLettered() {
        assertThat(ProjectionFailure.of(wrapped(new SQLTransientConnectionException("pool exhausted")), true).isTransient()).isTrue();
        assertThat(ProjectionFailure.of(wrapped(new SQLException("terminating connection", "57P01")), true).isTransient()).isTrue();
        assertThat(ProjectionFailure.of(wrapped(new SQLException("deadlock detected", "40P01")), true).isTransient()).isTrue();
        assertThat(ProjectionFailure.of(wrapped(new SQLException("deadlock detected", "40P01")), true).batchMustRetry()).isTrue();
        assertThat(ProjectionFailure.of(wrapped(new SQLException("division by zero", "22012")), true).isTransient()).isFalse();
    }

    @Test
    void aFailureThatLeftTheTransactionUnableToCommitRetriesTheBatchThenIsDeadLettered() {
        ProjectionFailure doomed = ProjectionFailure.of(wrapped(new SQLException("division by zero", "22012")), false);
        assertThat(doomed.batchMustRetry()).isTrue();
        assertThat(doomed.isTransient()).isFalse();
        assertThat(doomed.toDeadLetter().batchMustRetry()).isFalse();
        assertThat(doomed.toDeadLetter().reason()).isEqualTo(DeadLetterReason.INVALID_DATA);
        assertThat(doomed.toDeadLetter().causeMessage()).isEqualTo("division by zero");
    }

    @Test
    void thePolicyStoresOurReasonAndCountsRetries() {
        ProjectionDeadLetterPolicy policy = policy();
        ProjectionFailure failure = ProjectionFailure.of(new IllegalStateException("bug"), true);
        DeadLetter<EventMessage<?>> first = new GenericDeadLetter<>("cus_1", GenericEventMessage.asEventMessage("e"));

        EnqueueDecision<EventMessage<?>> enqueue = policy.decide(first, failure);
        assertThat(enqueue.shouldEnqueue()).isTrue();
        assertThat(enqueue.enqueueCause()).hasValueSatisfying(cause -> assertThat(cause.getMessage()).isEqualTo("bug"));
        DeadLetter<? extends EventMessage<?>> enqueued = enqueue.withDiagnostics(first);
        assertThat(enqueued.diagnostics()).containsEntry(ProjectionDeadLetterPolicy.RETRIES, 0);

        DeadLetter<EventMessage<?>> retried = first.withDiagnostics(MetaData.with(ProjectionDeadLetterPolicy.RETRIES, 2));
        EnqueueDecision<EventMessage<?>> requeue = policy.decide(retried, failure);
        assertThat(requeue.shouldEnqueue()).isTrue();
        assertThat(requeue.withDiagnostics(retried).diagnostics()).containsEntry(ProjectionDeadLetterPolicy.RETRIES, 3);
    }

    @Test
    void thePolicyHasTheBatchRunAgainWhenTheEventCannotBeDeadLetteredInIt() {
        ProjectionDeadLetterPolicy policy = policy();
        DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("cus_1", GenericEventMessage.asEventMessage("e"));
        ProjectionFailure transientFailure = ProjectionFailure.of(new SQLTransientConnectionException("pool exhausted"), true);
        ProjectionFailure doomed = ProjectionFailure.of(new SQLException("division by zero", "22012"), false);

        assertThatThrownBy(() -> policy.decide(letter, transientFailure)).isSameAs(transientFailure);
        assertThatThrownBy(() -> policy.decide(letter, doomed)).isSameAs(doomed);
        assertThat(policy.decide(letter, doomed.toDeadLetter()).shouldEnqueue()).isTrue();
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    /** Without a processor to take the batch up again: the retry finds none and stops. */
    private ProjectionDeadLetterPolicy policy() {
        return new ProjectionDeadLetterPolicy("customers", new FailedBatchRetry(scheduler, name -> Optional.empty()));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("could not execute statement [select 1]", cause);
    }
}
