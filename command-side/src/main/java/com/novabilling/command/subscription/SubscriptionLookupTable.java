package com.novabilling.command.subscription;

import com.novabilling.api.subscription.SubscriptionCanceledEvent;
import com.novabilling.api.subscription.SubscriptionCancellationScheduledEvent;
import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangeScheduledEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangedEvent;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import com.novabilling.command.reference.UnitOfWorkMemo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The tenant's {@code subscription_lookup} table, kept in the transaction that appends each subscription event:
 * whose each subscription is, the plan it is on and the plan a pending change moves it to, and whether it is live
 * (not CANCELED). Every statement is an upsert or an update by id, so a redelivered event changes nothing. The
 * deletion guards of plans and customers read it ({@link SubscriptionDeletionGuard}).
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-subscription")
public class SubscriptionLookupTable implements SubscriptionLookup {

    private final JdbcTemplate jdbcTemplate;

    public SubscriptionLookupTable(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    public void on(SubscriptionCreatedEvent event) {
        jdbcTemplate.update("""
                INSERT INTO subscription_lookup (subscription_id, customer_id, plan_id, pending_plan_id, live)
                VALUES (?, ?, ?, NULL, TRUE)
                ON CONFLICT (subscription_id) DO NOTHING
                """, event.subscriptionId(), event.customerId(), event.planId());
    }

    @EventHandler
    public void on(SubscriptionPlanChangedEvent event) {
        jdbcTemplate.update("UPDATE subscription_lookup SET plan_id = ?, pending_plan_id = NULL WHERE subscription_id = ?",
                event.newPlanId(), event.subscriptionId());
    }

    @EventHandler
    public void on(SubscriptionPlanChangeScheduledEvent event) {
        jdbcTemplate.update("UPDATE subscription_lookup SET pending_plan_id = ? WHERE subscription_id = ?",
                event.newPlanId(), event.subscriptionId());
    }

    @EventHandler
    public void on(SubscriptionCancellationScheduledEvent event) {
        jdbcTemplate.update("UPDATE subscription_lookup SET pending_plan_id = NULL WHERE subscription_id = ?",
                event.subscriptionId());
    }

    @EventHandler
    public void on(SubscriptionCanceledEvent event) {
        jdbcTemplate.update("UPDATE subscription_lookup SET live = FALSE, pending_plan_id = NULL WHERE subscription_id = ?",
                event.subscriptionId());
    }

    @Override
    public Optional<SubscriptionFacts> find(String subscriptionId) {
        return UnitOfWorkMemo.remember("subscription-lookup:" + subscriptionId, () -> jdbcTemplate.query("SELECT subscription_id, customer_id, plan_id FROM subscription_lookup WHERE subscription_id = ?",
                        (row, i) -> new SubscriptionFacts(row.getString(1), row.getString(2), row.getString(3)),
                        subscriptionId)
                .stream().findFirst());
    }

    /** The customer's subscriptions that are not CANCELED, oldest id first (at most {@code max}). */
    public List<String> liveSubscriptionsOf(String customerId, int max) {
        return jdbcTemplate.queryForList("""
                SELECT subscription_id FROM subscription_lookup WHERE customer_id = ? AND live
                ORDER BY subscription_id LIMIT ?""", String.class, customerId, max);
    }

    /** How many subscriptions, canceled ones included, are on the plan or will move to it at period end. */
    public long subscriptionsOnPlan(String planId) {
        Long count = jdbcTemplate.queryForObject(
                "SELECT count(*) FROM subscription_lookup WHERE plan_id = ? OR pending_plan_id = ?",
                Long.class, planId, planId);
        return count == null ? 0 : count;
    }
}
