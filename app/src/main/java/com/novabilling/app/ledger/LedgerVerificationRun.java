package com.novabilling.app.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A verification run of the tenant's ledger, as {@code POST /admin/ledger/verifications} and
 * {@code GET /admin/ledger/verifications/{id}} answer it.
 *
 * @param id         {@code lvr_…}
 * @param status     RUNNING, SUCCEEDED or FAILED
 * @param rebuild    whether the projection rebuild check was asked for
 * @param startedAt  when the run was started (the tenant's clock)
 * @param finishedAt when it finished; null while RUNNING
 * @param progress   where it is
 * @param report     when SUCCEEDED the report, as {@code GET /admin/ledger/verify} answers it; else null
 * @param error      when FAILED what went wrong; else null
 */
@Schema(description = "A ledger verification run in the background: its progress, then its report")
public record LedgerVerificationRun(String id, Status status, boolean rebuild, Instant startedAt, Instant finishedAt,
                                    Progress progress, LedgerReport report, String error) {

    public enum Status {
        RUNNING, SUCCEEDED, FAILED
    }

    /**
     * @param step        the step under way (event-store, invoices, credit-notes, document-numbers, wallets,
     *                    usage-rerating, projection-rebuild); null before the first and once SUCCEEDED
     * @param stepsDone   steps finished
     * @param stepsTotal  steps of the run: 7, or 6 with rebuild=false
     * @param eventsDone  how far the current (or last) pass over the event store has read: the position of the last
     *                    event read (positions number the store's events from 1; a rolled-back write leaves a gap)
     * @param eventsTotal the store's head position when the run started: eventsDone reaches it at the pass's end
     */
    @Schema(description = "Where a verification run is; written at each step and every ~5,000 events read")
    public record Progress(String step, int stepsDone, int stepsTotal, long eventsDone, long eventsTotal) {
    }
}
