package com.novabilling.app.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ledger_verification_run} table of the tenant bound to the thread. Every write is a transaction of its
 * own ({@code REQUIRES_NEW}): progress written during the projection rebuild, whose transaction is always rolled back
 * and reads a scratch schema first, lands in the real table at once, where a request on any node sees it.
 * {@code updated_at} is the database server's {@code now()}, one clock for all nodes.
 */
@Component
class LedgerVerificationRuns {

    private static final String COLUMNS = "id, status, rebuild, step, steps_done, steps_total, events_done, "
            + "events_total, report::text, error, started_at, finished_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;

    LedgerVerificationRuns(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectMapper json) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    /** The run already RUNNING for the tenant when another was asked for. */
    static final class AlreadyRunning extends RuntimeException {
        private final String runningId;

        AlreadyRunning(String runningId) {
            super("A ledger verification is already running for this tenant: " + runningId);
            this.runningId = runningId;
        }

        String runningId() {
            return runningId;
        }
    }

    /**
     * Records a new RUNNING run, first marking FAILED a RUNNING run not written for {@code staleAfter} (abandoned).
     *
     * @throws AlreadyRunning another run is RUNNING for the tenant (the table's partial unique index decides, also
     *                        between nodes)
     */
    void begin(String id, boolean rebuild, int stepsTotal, Instant startedAt, Duration staleAfter) {
        for (int attempt = 0; ; attempt++) {
            try {
                ownTransaction.executeWithoutResult(status -> {
                    jdbc.update("UPDATE ledger_verification_run SET status = 'FAILED', finished_at = ?, "
                            + "updated_at = now(), error = 'Abandoned: no progress written for ' || ? || ' s (its "
                            + "node stopped?); a later run took over' WHERE status = 'RUNNING' "
                            + "AND updated_at < now() - make_interval(secs => ?)", Timestamp.from(startedAt),
                            staleAfter.toSeconds(), (double) staleAfter.toSeconds());
                    jdbc.update("INSERT INTO ledger_verification_run (id, status, rebuild, steps_total, started_at, "
                            + "updated_at) VALUES (?, 'RUNNING', ?, ?, ?, now())", id, rebuild, stepsTotal,
                            Timestamp.from(startedAt));
                });
                return;
            } catch (DuplicateKeyException e) {
                Optional<String> running = running();
                if (running.isPresent() || attempt >= 2) {
                    throw new AlreadyRunning(running.orElse("(finished meanwhile; try again)"));
                }
                // the running one finished between the insert and the look-up: try again
            }
        }
    }

    /** Writes the run's progress; false when the run is no longer RUNNING (taken over as abandoned). */
    boolean progress(String id, LedgerVerificationRun.Progress progress) {
        Integer updated = ownTransaction.execute(status -> jdbc.update("UPDATE ledger_verification_run SET step = ?, "
                        + "steps_done = ?, steps_total = ?, events_done = ?, events_total = ?, updated_at = now() "
                        + "WHERE id = ? AND status = 'RUNNING'", progress.step(), progress.stepsDone(),
                progress.stepsTotal(), progress.eventsDone(), progress.eventsTotal(), id));
        return updated != null && updated == 1;
    }

    /** The run SUCCEEDED with {@code report}; false when it was no longer RUNNING. */
    boolean succeeded(String id, LedgerReport report, Instant finishedAt) {
        String reportJson;
        try {
            reportJson = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ledger report could not be written as JSON", e);
        }
        Integer updated = ownTransaction.execute(status -> jdbc.update("UPDATE ledger_verification_run SET "
                + "status = 'SUCCEEDED', step = NULL, steps_done = steps_total, report = CAST(? AS jsonb), "
                + "finished_at = ?, updated_at = now() WHERE id = ? AND status = 'RUNNING'", reportJson,
                Timestamp.from(finishedAt), id));
        return updated != null && updated == 1;
    }

    /** The run FAILED with {@code error}; false when it was no longer RUNNING. */
    boolean failed(String id, String error, Instant finishedAt) {
        Integer updated = ownTransaction.execute(status -> jdbc.update("UPDATE ledger_verification_run SET "
                + "status = 'FAILED', error = ?, finished_at = ?, updated_at = now() "
                + "WHERE id = ? AND status = 'RUNNING'", error, Timestamp.from(finishedAt), id));
        return updated != null && updated == 1;
    }

    Optional<LedgerVerificationRun> find(String id) {
        List<LedgerVerificationRun> found = jdbc.query("SELECT " + COLUMNS + " FROM ledger_verification_run "
                + "WHERE id = ?", (row, i) -> run(row), id);
        return found.stream().findFirst();
    }

    Optional<String> running() {
        return jdbc.queryForList("SELECT id FROM ledger_verification_run WHERE status = 'RUNNING'", String.class)
                .stream().findFirst();
    }

    private LedgerVerificationRun run(ResultSet row) throws SQLException {
        String report = row.getString(9);
        Timestamp finished = row.getTimestamp(12);
        try {
            return new LedgerVerificationRun(row.getString(1), LedgerVerificationRun.Status.valueOf(row.getString(2)),
                    row.getBoolean(3), row.getTimestamp(11).toInstant(), finished == null ? null : finished.toInstant(),
                    new LedgerVerificationRun.Progress(row.getString(4), row.getInt(5), row.getInt(6), row.getLong(7),
                            row.getLong(8)),
                    report == null ? null : json.readValue(report, LedgerReport.class), row.getString(10));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report of ledger verification run " + row.getString(1)
                    + " is not readable", e);
        }
    }
}
