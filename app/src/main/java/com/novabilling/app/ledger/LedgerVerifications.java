package com.novabilling.app.ledger;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.id.ResourceIds;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.RejectedExecutionException;

/**
 * Ledger verifications run in the background (issue 13: progress for long runs). A run is a row of the tenant's own
 * {@code ledger_verification_run} table ({@link LedgerVerificationRuns}), so a request on any node reads its status,
 * progress and report; the node that took the POST runs it on its bounded executor
 * ({@link LedgerVerificationExecutor}) with the caller's tenant bound and the tenant's runtime leased (its idle
 * janitor never stops it midway). At most one run is RUNNING per tenant. A run whose node dies stays RUNNING until a
 * later POST finds its row unwritten for {@code novabilling.ledger.verification.stale-after}: that POST marks it
 * FAILED (abandoned) and starts a new one.
 */
@Service
public class LedgerVerifications {

    static final String ID_PREFIX = "lvr_";
    /** Progress of a pass over the event store is written every this many positions. */
    static final long EVENTS_BETWEEN_WRITES = 5_000;

    private static final Logger log = LoggerFactory.getLogger(LedgerVerifications.class);

    private final LedgerVerifier verifier;
    private final LedgerVerificationRuns runs;
    private final TenantRuntimeRegistry runtimes;
    private final LedgerVerificationExecutor executor;
    private final LedgerVerificationProperties properties;
    private final Clock clock;

    public LedgerVerifications(LedgerVerifier verifier, LedgerVerificationRuns runs, TenantRuntimeRegistry runtimes,
                               LedgerVerificationExecutor executor,
                               LedgerVerificationProperties properties, Clock clock) {
        this.verifier = verifier;
        this.runs = runs;
        this.runtimes = runtimes;
        this.executor = executor;
        this.properties = properties;
        this.clock = clock;
    }

    /** The run refused because this node's queue of runs is full: 503, try again later. */
    static final class QueueFullException extends RuntimeException {
        QueueFullException(String message) {
            super(message);
        }
    }

    /**
     * Starts a run for the tenant bound to the thread and answers it as begun (RUNNING, no progress yet).
     *
     * @throws ConflictException  a run is already RUNNING for the tenant (named in the message)
     * @throws QueueFullException this node has {@code queue-capacity} runs waiting already
     */
    public LedgerVerificationRun start(boolean rebuild) {
        String tenantId = TenantContext.require();
        String id = ResourceIds.newId(ID_PREFIX);
        int steps = LedgerVerifier.steps(rebuild);
        Instant startedAt = now();
        try {
            runs.begin(id, rebuild, steps, startedAt, properties.staleAfter());
        } catch (LedgerVerificationRuns.AlreadyRunning e) {
            throw new ConflictException(e.getMessage());
        }
        try {
            executor.execute(() -> run(tenantId, id, rebuild));
        } catch (RejectedExecutionException e) {
            String why = "This node has " + properties.queueCapacity() + " ledger verifications waiting; try again "
                    + "later";
            runs.failed(id, "Not started: " + why, now());
            throw new QueueFullException(why);
        }
        // as begun: the run may be further along already, which the Location tells
        return new LedgerVerificationRun(id, LedgerVerificationRun.Status.RUNNING, rebuild, startedAt, null,
                new LedgerVerificationRun.Progress(null, 0, steps, 0, 0), null, null);
    }

    /** The tenant's run {@code id}; another tenant's runs are in another database, so they are never found. */
    public LedgerVerificationRun find(String id) {
        if (!ResourceIds.hasPrefix(id, ID_PREFIX)) {
            throw new NotFoundException("Ledger verification", id);
        }
        return runs.find(id).orElseThrow(() -> new NotFoundException("Ledger verification", id));
    }

    /** The tenant's clock, to the microsecond PostgreSQL keeps: a run reads back as it was answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void run(String tenantId, String id, boolean rebuild) {
        try (TenantContext.Scope ignored = TenantContext.open(tenantId);
             TenantRuntimeRegistry.Lease inUse = runtimes.lease(tenantId)) {
            RecordedProgress recorded = new RecordedProgress(id, LedgerVerifier.steps(rebuild));
            if (!recorded.write()) {
                log.info("Tenant {}: ledger verification {} was taken over before it started", tenantId, id);
                return;
            }
            try {
                LedgerReport report = verifier.verify(rebuild,
                        new ThrottledLedgerProgress(recorded, EVENTS_BETWEEN_WRITES));
                if (!runs.succeeded(id, report, now())) {
                    log.info("Tenant {}: ledger verification {} finished after it was taken over", tenantId, id);
                }
            } catch (RuntimeException e) {
                log.warn("Tenant {}: ledger verification {} failed", tenantId, id, e);
                runs.failed(id, "The verification failed: " + e.getMessage(), now());
            }
        } catch (RuntimeException e) { // the tenant's database or runtime unreachable: the row may stay RUNNING
            log.error("Tenant {}: ledger verification {} could not run or record its end", tenantId, id, e);
        }
    }

    /** The run's progress as the verifier tells it, written to its row (throttled by the caller). */
    private final class RecordedProgress implements LedgerProgress {
        private final String id;
        private String step;
        private int stepsDone;
        private final int stepsTotal;
        private long eventsDone;
        private long eventsTotal;

        RecordedProgress(String id, int stepsTotal) {
            this.id = id;
            this.stepsTotal = stepsTotal;
        }

        @Override
        public void step(String step, int done, int total) {
            this.step = step;
            this.stepsDone = done;
            write();
        }

        @Override
        public void events(long position, long head) {
            this.eventsDone = Math.max(position, 0);
            this.eventsTotal = Math.max(head, 0);
            write();
        }

        boolean write() {
            return runs.progress(id, new LedgerVerificationRun.Progress(step, stepsDone, stepsTotal, eventsDone,
                    eventsTotal));
        }
    }
}
