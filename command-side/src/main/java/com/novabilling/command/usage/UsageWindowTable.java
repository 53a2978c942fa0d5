package com.novabilling.command.usage;

import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.metric.BillableMetricDeletedEvent;
import com.novabilling.api.metric.BillableMetricUpdatedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.subscription.SubscriptionCanceledEvent;
import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionPausedEvent;
import com.novabilling.api.subscription.SubscriptionPeriodClosedEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangedEvent;
import com.novabilling.api.subscription.SubscriptionResumedEvent;
import com.novabilling.api.subscription.SubscriptionTrialEndedEvent;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's {@code usage_subscription_window} and {@code usage_subscription_pause}: what usage ingestion checks
 * about each subscription (its start, pauses, end, the open period), kept in the transaction that appends the
 * subscription's events so every node can load them (docs/billing-rules.md §11). After the commit it tells this
 * node's {@link UsageCatalog} which subscription changed; a metric change empties the catalog's metrics.
 * Upserts only, so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-usage-window")
public class UsageWindowTable {

    private static final String UPSERT = """
            INSERT INTO usage_subscription_window
                (subscription_id, plan_id, currency, started_at, period_start, period_end, paused_at, canceled_at)
            VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)
            ON CONFLICT (subscription_id) DO UPDATE SET plan_id = EXCLUDED.plan_id, currency = EXCLUDED.currency,
                started_at = EXCLUDED.started_at, period_start = EXCLUDED.period_start,
                period_end = EXCLUDED.period_end
            """;

    private final JdbcTemplate jdbcTemplate;
    private final UsageCatalog catalog;
    private final CurrentTenant tenant;

    public UsageWindowTable(JdbcTemplate jdbcTemplate, UsageCatalog catalog, CurrentTenant tenant) {
        this.jdbcTemplate = jdbcTemplate;
        this.catalog = catalog;
        this.tenant = tenant;
    }

    @EventHandler
    public void on(SubscriptionCreatedEvent event) {
        jdbcTemplate.update(UPSERT, event.subscriptionId(), event.planId(), event.currency().name(),
                ts(event.startedAt()), ts(event.currentPeriodStart()), ts(event.currentPeriodEnd()));
        changed(event.subscriptionId());
    }

    @EventHandler
    public void on(SubscriptionTrialEndedEvent event) {
        setPeriod(event.subscriptionId(), event.planId(), event.currentPeriodStart(), event.currentPeriodEnd());
    }

    @EventHandler
    public void on(SubscriptionPausedEvent event) {
        jdbcTemplate.update("UPDATE usage_subscription_window SET paused_at = ? WHERE subscription_id = ?",
                ts(event.pausedAt()), event.subscriptionId());
        changed(event.subscriptionId());
    }

    @EventHandler
    public void on(SubscriptionResumedEvent event) {
        jdbcTemplate.update("""
                INSERT INTO usage_subscription_pause (subscription_id, paused_at, resumed_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """, event.subscriptionId(), ts(event.pausedAt()), ts(event.resumedAt()));
        jdbcTemplate.update("""
                UPDATE usage_subscription_window SET paused_at = NULL, period_start = ?, period_end = ?
                WHERE subscription_id = ?
                """, ts(event.currentPeriodStart()), ts(event.currentPeriodEnd()), event.subscriptionId());
        changed(event.subscriptionId());
    }

    @EventHandler
    public void on(SubscriptionPeriodClosedEvent event) {
        if (event.finalPeriod()) {
            // nothing follows: every event before the end is late; the cancellation event records the end itself
            setPeriod(event.subscriptionId(), event.planId(), event.periodEnd(), event.periodEnd());
        } else {
            setPeriod(event.subscriptionId(), event.nextPlanId(), event.nextPeriodStart(), event.nextPeriodEnd());
        }
    }

    @EventHandler
    public void on(SubscriptionCanceledEvent event) {
        jdbcTemplate.update("UPDATE usage_subscription_window SET canceled_at = ? WHERE subscription_id = ?",
                ts(event.canceledAt()), event.subscriptionId());
        changed(event.subscriptionId());
    }

    @EventHandler
    public void on(SubscriptionPlanChangedEvent event) {
        setPeriod(event.subscriptionId(), event.newPlanId(), event.currentPeriodStart(), event.currentPeriodEnd());
    }

    @EventHandler
    public void on(BillableMetricCreatedEvent event) {
        metricsChanged();
    }

    @EventHandler
    public void on(BillableMetricUpdatedEvent event) {
        metricsChanged();
    }

    @EventHandler
    public void on(BillableMetricDeletedEvent event) {
        metricsChanged();
    }

    /** The subscription's window as the table holds it now, if the subscription exists. */
    public Optional<SubscriptionWindow> find(String subscriptionId) {
        return load(jdbcTemplate, subscriptionId);
    }

    static Optional<SubscriptionWindow> load(JdbcTemplate jdbcTemplate, String subscriptionId) {
        List<SubscriptionWindow.Pause> pauses = jdbcTemplate.query("""
                        SELECT paused_at, resumed_at FROM usage_subscription_pause WHERE subscription_id = ?
                        ORDER BY paused_at
                        """, (row, i) -> new SubscriptionWindow.Pause(instant(row, 1), instant(row, 2)),
                subscriptionId);
        return jdbcTemplate.query("""
                        SELECT subscription_id, plan_id, currency, started_at, period_start, period_end, paused_at,
                               canceled_at
                        FROM usage_subscription_window WHERE subscription_id = ?
                        """, (row, i) -> window(row, pauses), subscriptionId)
                .stream().findFirst();
    }

    private static SubscriptionWindow window(ResultSet row, List<SubscriptionWindow.Pause> pauses) throws SQLException {
        return new SubscriptionWindow(row.getString(1), row.getString(2),
                CurrencyCode.parse(row.getString(3)).orElse(null), instant(row, 4), instant(row, 5), instant(row, 6),
                instant(row, 7), instant(row, 8), new ArrayList<>(pauses));
    }

    private void setPeriod(String subscriptionId, String planId, Instant start, Instant end) {
        jdbcTemplate.update("""
                UPDATE usage_subscription_window SET plan_id = ?, period_start = ?, period_end = ?
                WHERE subscription_id = ?
                """, planId, ts(start), ts(end), subscriptionId);
        changed(subscriptionId);
    }

    private void changed(String subscriptionId) {
        String tenantId = tenant.tenantId();
        catalog.subscriptionChanged(tenantId, subscriptionId);
        afterCommit(() -> catalog.subscriptionChanged(tenantId, subscriptionId));
    }

    private void metricsChanged() {
        String tenantId = tenant.tenantId();
        catalog.metricsChanged(tenantId);
        afterCommit(() -> catalog.metricsChanged(tenantId));
    }

    /**
     * Again once the command's transaction has committed: a node that loaded the row between the first
     * invalidation and the commit would otherwise keep the old one.
     */
    private static void afterCommit(Runnable invalidation) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> invalidation.run());
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
