package com.novabilling.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * What a read-model group does with an event its projection failed on ({@link ProjectionFailure}): into the
 * dead-letter queue, with our reason as the cause's type, the cause's message and the number of retries so far.
 * A failure that must not be dead-lettered — the database was unreachable, or the batch's transaction can no longer
 * commit — is thrown on, so the processor rolls the batch back and runs it again; for the latter it is asked to run
 * it again right away ({@link FailedBatchRetry}), and that run dead-letters the event.
 */
final class ProjectionDeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Diagnostics entry of a dead letter: how often it was retried. */
    static final String RETRIES = "retries";

    private final String group;
    private final FailedBatchRetry batchRetry;

    ProjectionDeadLetterPolicy(String group, FailedBatchRetry batchRetry) {
        this.group = group;
        this.batchRetry = batchRetry;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        ProjectionFailure failure = ProjectionFailure.of(cause, true);
        boolean retried = letter.diagnostics().containsKey(RETRIES);
        if (failure.batchMustRetry() && !retried) {
            if (!failure.isTransient()) {
                batchRetry.soon(group, CurrentUnitOfWork.map(unitOfWork -> unitOfWork.<Integer>getResource(
                        "Processor[" + group + "]/SegmentId")).orElse(0));
            }
            throw failure;
        }
        ThrowableCause stored = new ThrowableCause(failure.reason().code(), failure.causeMessage());
        if (!retried) {
            return Decisions.enqueue(stored, l -> l.diagnostics().and(RETRIES, 0));
        }
        return Decisions.requeue(stored, l -> l.diagnostics().and(RETRIES, retries(l) + 1));
    }

    static int retries(DeadLetter<?> letter) {
        return letter.diagnostics().get(RETRIES) instanceof Number number ? number.intValue() : 0;
    }
}
