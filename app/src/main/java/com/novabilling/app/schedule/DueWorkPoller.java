package com.novabilling.app.schedule;

import com.novabilling.app.time.TenantClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The subscription clock's scheduler: one query a second on the control database (never on tenants' databases)
 * claims the tenants whose work is due, earliest first, and runs each on a fixed pool of threads. Several nodes claim
 * with {@code FOR UPDATE SKIP LOCKED}, so a tenant's run happens on one node; a claim lasts {@code claim-timeout},
 * after which a dead node's tenants are claimed again. After downtime every missed instant is due at once and each
 * subscription catches up in order ({@link TenantDueWork}).
 */
@Component
public class DueWorkPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DueWorkPoller.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

    private record Claim(String tenantId, long version) {
    }

    private final NamedParameterJdbcTemplate control;
    private final TenantDueWork dueWork;
    private final TenantClock clock;
    private final Duration claimTimeout;
    private final int batch;
    private final ExecutorService runners;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    public DueWorkPoller(@Qualifier("control") NamedParameterJdbcTemplate control, TenantDueWork dueWork,
                         TenantClock clock,
                         @Value("${novabilling.schedule.claim-timeout:PT5M}") Duration claimTimeout,
                         @Value("${novabilling.schedule.threads:2}") int threads) {
        this.control = control;
        this.dueWork = dueWork;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
        this.batch = Math.max(1, threads) * 8;
        this.runners = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "due-work");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(initialDelayString = "${novabilling.schedule.poll-interval:PT1S}",
            fixedDelayString = "${novabilling.schedule.poll-interval:PT1S}")
    public void poll() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.warn("The subscription clock could not look for due work: {}", e.getMessage());
        }
    }

    /** Claims and runs the tenants due now, until none is left; how many runs it made. */
    public int runDue() {
        int runs = 0;
        while (true) {
            List<Claim> claims = claim(clock.baseInstant());
            if (claims.isEmpty()) {
                return runs;
            }
            List<Future<?>> running = new ArrayList<>();
            for (Claim claim : claims) {
                running.add(runners.submit(() -> run(claim)));
            }
            for (Future<?> run : running) {
                try {
                    run.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return runs;
                } catch (ExecutionException e) {
                    log.warn("A run of the subscription clock failed: {}", e.getCause().getMessage());
                }
            }
            runs += claims.size();
        }
    }

    private List<Claim> claim(Instant now) {
        return control.query("""
                UPDATE tenant_due_work w SET claimed_by = :node, claimed_until = :until
                FROM (SELECT tenant_id FROM tenant_due_work
                      WHERE due_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
                      ORDER BY due_at LIMIT :batch FOR UPDATE SKIP LOCKED) due
                WHERE w.tenant_id = due.tenant_id
                RETURNING w.tenant_id, w.version
                """, new MapSqlParameterSource("node", node).addValue("now", Timestamp.from(now))
                .addValue("until", Timestamp.from(now.plus(claimTimeout))).addValue("batch", batch),
                (rs, i) -> new Claim(rs.getString(1), rs.getLong(2)));
    }

    private void run(Claim claim) {
        Optional<Instant> next;
        try {
            next = dueWork.runDue(claim.tenantId());
        } catch (RuntimeException e) {
            log.warn("Due work of tenant {} failed, retried in {}: {}", claim.tenantId(), RETRY_AFTER_FAILURE, e.getMessage());
            next = Optional.of(clock.baseInstant().plus(RETRY_AFTER_FAILURE));
        }
        release(claim, next);
    }

    /**
     * Gives the claim back with the next due instant. An instant noted during the run (the version moved) is kept
     * when it is earlier; with nothing due and nothing noted, the row goes.
     */
    private void release(Claim claim, Optional<Instant> next) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenantId", claim.tenantId()).addValue("node", node)
                .addValue("version", claim.version());
        if (next.isEmpty()) {
            int deleted = control.update("""
                    DELETE FROM tenant_due_work WHERE tenant_id = :tenantId AND claimed_by = :node AND version = :version
                    """, params);
            if (deleted == 1) {
                return;
            }
            control.update("""
                    UPDATE tenant_due_work SET claimed_by = NULL, claimed_until = NULL
                    WHERE tenant_id = :tenantId AND claimed_by = :node
                    """, params);
            return;
        }
        control.update("""
                UPDATE tenant_due_work
                SET due_at = CASE WHEN version = :version THEN :next ELSE LEAST(due_at, :next) END,
                    claimed_by = NULL, claimed_until = NULL
                WHERE tenant_id = :tenantId AND claimed_by = :node
                """, params.addValue("next", Timestamp.from(next.get())));
    }

    @Override
    public void close() {
        runners.shutdownNow();
    }
}
