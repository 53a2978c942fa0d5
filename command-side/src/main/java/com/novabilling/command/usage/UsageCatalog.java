package com.novabilling.command.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.novabilling.api.metric.BillableMetricDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's memory of what usage ingestion validates against, per tenant: subscription windows (one per
 * subscription, loaded on first use from {@code usage_subscription_window}) and the metric definitions (all of the
 * tenant's, from {@code metric_lookup}) — so accepting an event costs no query of its own
 * (docs/billing-rules.md §11).
 *
 * <p>Kept current in two ways. A commit on this node of a subscription or metric event invalidates the entry at
 * once ({@link UsageWindowTable}, before and again after the commit). A commit on another node is announced by the
 * commit notifications (when several nodes share the databases) and empties the tenant's entries
 * ({@link #changedElsewhere(String)}); should one be missed, entries older than {@code novabilling.usage.cache-ttl}
 * (default 5 s) are read again, and a subscription this node has not seen is always looked up (unknown ids are never
 * cached). Loads carry the tenant's generation: a load that raced an
 * invalidation is answered but not kept.
 */
@Component
public class UsageCatalog {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Entries kept per tenant before its windows are dropped and loaded again as needed. */
    private static final int MAX_WINDOWS_PER_TENANT = 200_000;

    private final JdbcTemplate jdbcTemplate;
    private final long ttlNanos;
    private final Map<String, TenantEntries> tenants = new ConcurrentHashMap<>();

    public UsageCatalog(JdbcTemplate jdbcTemplate, @Value("${novabilling.usage.cache-ttl:PT5S}") Duration ttl) {
        this.jdbcTemplate = jdbcTemplate;
        this.ttlNanos = ttl.toNanos();
    }

    private record Cached<T>(T value, long loadedAt) {
    }

    private static final class TenantEntries {
        final AtomicLong generation = new AtomicLong();
        final Map<String, Cached<SubscriptionWindow>> windows = new ConcurrentHashMap<>();
        volatile Cached<Map<String, MetricRule>> metrics;
    }

    /** The subscription's window in the bound tenant's database ({@code tenantId} is the cache key). */
    public Optional<SubscriptionWindow> window(String tenantId, String subscriptionId) {
        TenantEntries entries = entries(tenantId);
        Cached<SubscriptionWindow> cached = entries.windows.get(subscriptionId);
        if (cached != null && fresh(cached)) {
            return Optional.of(cached.value());
        }
        long generation = entries.generation.get();
        Optional<SubscriptionWindow> loaded = UsageWindowTable.load(jdbcTemplate, subscriptionId);
        if (loaded.isPresent() && generation == entries.generation.get()) {
            if (entries.windows.size() >= MAX_WINDOWS_PER_TENANT) {
                entries.windows.clear();
            }
            entries.windows.put(subscriptionId, new Cached<>(loaded.get(), System.nanoTime()));
        } else if (loaded.isEmpty()) {
            entries.windows.remove(subscriptionId);
        }
        return loaded;
    }

    /** The tenant's metrics by code. */
    public Map<String, MetricRule> metricsByCode(String tenantId) {
        TenantEntries entries = entries(tenantId);
        Cached<Map<String, MetricRule>> cached = entries.metrics;
        if (cached != null && fresh(cached)) {
            return cached.value();
        }
        long generation = entries.generation.get();
        Map<String, MetricRule> loaded = new HashMap<>();
        jdbcTemplate.query("SELECT billable_metric_id, definition::text FROM metric_lookup", row -> {
            MetricRule rule = new MetricRule(row.getString(1), read(row.getString(2)));
            loaded.put(rule.code(), rule);
        });
        Map<String, MetricRule> metrics = Collections.unmodifiableMap(loaded);
        if (generation == entries.generation.get()) {
            entries.metrics = new Cached<>(metrics, System.nanoTime());
        }
        return metrics;
    }

    /** The tenant's metric with this id, if it exists. */
    public Optional<MetricRule> metricById(String tenantId, String billableMetricId) {
        return metricsByCode(tenantId).values().stream()
                .filter(rule -> rule.billableMetricId().equals(billableMetricId)).findFirst();
    }

    /**
     * Another node committed events of the tenant (which ones is not said): forget everything of the tenant, so a
     * pause or a new metric committed there is respected here from the next event on, not only after the TTL.
     */
    public void changedElsewhere(String tenantId) {
        TenantEntries entries = tenants.get(tenantId);
        if (entries != null) {
            entries.generation.incrementAndGet();
            entries.windows.clear();
            entries.metrics = null;
        }
    }

    /** Notifications from other nodes may have been missed: forget every tenant. */
    public void changedElsewhere() {
        tenants.keySet().forEach(this::changedElsewhere);
    }

    void subscriptionChanged(String tenantId, String subscriptionId) {
        TenantEntries entries = entries(tenantId);
        entries.generation.incrementAndGet();
        entries.windows.remove(subscriptionId);
    }

    void metricsChanged(String tenantId) {
        TenantEntries entries = entries(tenantId);
        entries.generation.incrementAndGet();
        entries.metrics = null;
    }

    private TenantEntries entries(String tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new TenantEntries());
    }

    private boolean fresh(Cached<?> cached) {
        return System.nanoTime() - cached.loadedAt() < ttlNanos;
    }

    private static BillableMetricDefinition read(String json) {
        try {
            return JSON.readValue(json, BillableMetricDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable metric_lookup definition: " + json, e);
        }
    }
}
