package com.novabilling.app.tenant;

import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.app.tenancy.TenantDataSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts each tenant's requests in memory and adds them to the tenant database's {@code api_request_counts}
 * every few seconds (and at shutdown), instead of one write per request.
 */
@Component
public class RequestCounter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RequestCounter.class);

    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TenantDataSources dataSources;
    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private volatile boolean running;

    public RequestCounter(JdbcTemplate jdbc, TenantDataSources dataSources, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.dataSources = dataSources;
    }

    private record Key(String tenantId, LocalDate day) {
    }

    public void increment(String tenantId) {
        pending.computeIfAbsent(new Key(tenantId, LocalDate.now(clock)), k -> new LongAdder()).increment();
    }

    /** Counts not yet written, so usage reads are exact. */
    public long pending(String tenantId, LocalDate day) {
        LongAdder adder = pending.get(new Key(tenantId, day));
        return adder == null ? 0 : adder.sum();
    }

    @Scheduled(fixedDelayString = "PT5S")
    public void flush() {
        for (Key key : pending.keySet()) {
            LongAdder adder = pending.get(key);
            long n = adder == null ? 0 : adder.sumThenReset();
            if (n == 0) {
                pending.remove(key, adder);
                continue;
            }
            if (!dataSources.tenantIds().contains(key.tenantId())) {
                continue;
            }
            try {
                TenantContext.runAs(key.tenantId(), () -> jdbc.update("""
                        INSERT INTO api_request_counts (day, count) VALUES (?, ?)
                        ON CONFLICT (day) DO UPDATE SET count = api_request_counts.count + EXCLUDED.count
                        """, Date.valueOf(key.day()), n));
            } catch (RuntimeException e) {
                adder.add(n);
                log.warn("could not record request counts of tenant {}: {}", key.tenantId(), e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        flush();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 1; // stops before TenantConnector (phase 0) closes the tenant pools
    }
}
