package com.novabilling.app.tenant;

import com.novabilling.app.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /tenants/me/usage: counts read from the tenant's own database (read models, event store, request counters)
 * plus its active API keys. Each read model counted here is one the tenant's usage naturally includes.
 */
@Component
public class TenantUsage {

    /** Read-model tables counted as resources; later capabilities add theirs. */
    private static final List<String> RESOURCE_TABLES = List.of("customers", "plans", "coupons", "applied_coupons", "addons", "applied_addons", "billable_metrics", "charges");

    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final ApiKeys apiKeys;
    private final RequestCounter counter;

    public TenantUsage(JdbcTemplate jdbc, ApiKeys apiKeys, RequestCounter counter, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.apiKeys = apiKeys;
        this.counter = counter;
    }

    public Map<String, Object> report() {
        String tenantId = TenantContext.require();
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> resources = new LinkedHashMap<>();
        for (String table : RESOURCE_TABLES) {
            resources.put(table, count("SELECT count(*) FROM " + table));
        }
        long events = count("SELECT count(*) FROM domain_event_entry");
        long requestsToday = sum("SELECT coalesce(sum(count), 0) FROM api_request_counts WHERE day = ?", today) + counter.pending(tenantId, today);
        long requests30 = sum("SELECT coalesce(sum(count), 0) FROM api_request_counts WHERE day > ?", today.minusDays(30)) + counter.pending(tenantId, today);
        long requestsTotal = sum("SELECT coalesce(sum(count), 0) FROM api_request_counts WHERE day > ?", LocalDate.of(1970, 1, 1)) + counter.pending(tenantId, today);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("tenantId", tenantId);
        report.put("resources", resources);
        report.put("events", events);
        report.put("apiKeys", Map.of("active", apiKeys.countActive(tenantId)));
        report.put("requests", Map.of("today", requestsToday, "last30Days", requests30, "total", requestsTotal));
        return report;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private long sum(String sql, LocalDate day) {
        Long n = jdbc.queryForObject(sql, Long.class, Date.valueOf(day));
        return n == null ? 0 : n;
    }
}
