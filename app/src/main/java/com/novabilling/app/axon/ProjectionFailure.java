package com.novabilling.app.axon;

import com.novabilling.api.error.Causes;
import com.novabilling.app.web.DatabaseUnavailable;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Why a read-model projection could not apply one event: the reason in our words, the cause's message (never a class
 * name), and whether the batch must run again rather than go on. Thrown by {@link ProjectionGroupHandler} in place of
 * the handler's exception, so the dead-letter policy stores exactly this. It has no stack trace: the event is logged
 * once, in one line, where it first failed.
 */
final class ProjectionFailure extends RuntimeException {

    /** Longest cause message kept (the queue's column holds 1,023 characters). */
    static final int MAX_CAUSE_LENGTH = 500;

    /** SQLSTATEs that pass: serialization failure, deadlock, lock not available, statement timeout. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014");

    private final DeadLetterReason reason;
    private final String causeMessage;
    private final boolean transientFailure;
    private final boolean batchMustRetry;

    private ProjectionFailure(DeadLetterReason reason, String causeMessage, boolean transientFailure, boolean batchMustRetry) {
        super((transientFailure ? "the database is unavailable or busy, retrying" : reason.summary()) + ": " + causeMessage,
                null, false, false);
        this.reason = reason;
        this.causeMessage = causeMessage;
        this.transientFailure = transientFailure;
        this.batchMustRetry = batchMustRetry;
    }

    /**
     * @param transactionCanCommit false when the failure left the projection's transaction unable to commit (the
     *                             database or Hibernate refuses it), so the event cannot be dead-lettered in it
     */
    static ProjectionFailure of(Throwable failure, boolean transactionCanCommit) {
        if (failure instanceof ProjectionFailure known) {
            return known;
        }
        boolean passing = isTransient(failure);
        return new ProjectionFailure(DeadLetterReason.of(failure), causeMessage(failure), passing,
                passing || !transactionCanCommit);
    }

    /** The same failure, to be dead-lettered now, without handling the event again. */
    ProjectionFailure toDeadLetter() {
        return batchMustRetry ? new ProjectionFailure(reason, causeMessage, false, false) : this;
    }

    DeadLetterReason reason() {
        return reason;
    }

    String causeMessage() {
        return causeMessage;
    }

    /** The database was unreachable or busy: the event itself may be fine, so it is retried, never dead-lettered. */
    boolean isTransient() {
        return transientFailure;
    }

    /** The batch cannot go on: it is rolled back and runs again (transient, or the transaction can no longer commit). */
    boolean batchMustRetry() {
        return batchMustRetry;
    }

    static boolean isTransient(Throwable failure) {
        if (DatabaseUnavailable.causedBy(failure)) {
            return true;
        }
        return Causes.of(failure).anyMatch(t -> t instanceof TransientDataAccessException
                || t instanceof SQLTransientException
                || t instanceof SQLException sql && sql.getSQLState() != null && TRANSIENT_STATES.contains(sql.getSQLState()));
    }

    /**
     * What went wrong, in one line: the database's own message when it refused a statement (not the ORM's, which
     * quotes the SQL), else the innermost message; control characters removed, at most {@value #MAX_CAUSE_LENGTH}
     * characters.
     */
    static String causeMessage(Throwable failure) {
        SQLException refusal = find(failure, SQLException.class);
        String message = refusal != null ? refusal.getMessage() : innermostMessage(failure);
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        if (firstLine.startsWith("ERROR: ")) { // PostgreSQL's severity prefix
            firstLine = firstLine.substring("ERROR: ".length());
        }
        String printable = firstLine.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        return printable.length() <= MAX_CAUSE_LENGTH ? printable : printable.substring(0, MAX_CAUSE_LENGTH - 1) + "…";
    }

    private static String innermostMessage(Throwable failure) {
        return Causes.of(failure).map(Throwable::getMessage).filter(m -> m != null && !m.isBlank())
                .reduce((outer, inner) -> inner).orElse(null);
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        return Causes.find(failure, type).orElse(null);
    }
}
