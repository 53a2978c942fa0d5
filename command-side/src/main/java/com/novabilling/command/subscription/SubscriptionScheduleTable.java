package com.novabilling.command.subscription;

import com.novabilling.api.subscription.SubscriptionCanceledEvent;
import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionPausedEvent;
import com.novabilling.api.subscription.SubscriptionPeriodClosedEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangedEvent;
import com.novabilling.api.subscription.SubscriptionResumedEvent;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.api.subscription.SubscriptionTrialEndedEvent;
import com.novabilling.command.reference.SameTransaction;
import com.novabilling.command.schedule.DueWorkCalendar;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's {@code subscription_schedule}: when each subscription next has a transition due — its trial end while
 * trialing, else the end of its current period; nothing while paused or once canceled (docs/billing-rules.md §10).
 * Kept in the transaction of the events that move it; after the commit the {@link DueWorkCalendar} hears of the new
 * instant, so the subscription clock wakes the tenant then.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-subscription-schedule")
public class SubscriptionScheduleTable {

    private static final String UPSERT = """
            INSERT INTO subscription_schedule (subscription_id, due_at) VALUES (?, ?)
            ON CONFLICT (subscription_id) DO UPDATE SET due_at = EXCLUDED.due_at
            """;

    private final JdbcTemplate jdbcTemplate;
    private final DueWorkCalendar calendar;

    public SubscriptionScheduleTable(JdbcTemplate jdbcTemplate, DueWorkCalendar calendar) {
        this.jdbcTemplate = jdbcTemplate;
        this.calendar = calendar;
    }

    @EventHandler
    public void on(SubscriptionCreatedEvent event) {
        due(event.subscriptionId(), event.status() == SubscriptionStatus.TRIALING ? event.trialEnd() : event.currentPeriodEnd());
    }

    @EventHandler
    public void on(SubscriptionTrialEndedEvent event) {
        due(event.subscriptionId(), event.currentPeriodEnd());
    }

    @EventHandler
    public void on(SubscriptionPeriodClosedEvent event) {
        due(event.subscriptionId(), event.nextPeriodEnd()); // null on the final period: the cancel follows
    }

    @EventHandler
    public void on(SubscriptionPausedEvent event) {
        due(event.subscriptionId(), null);
    }

    @EventHandler
    public void on(SubscriptionResumedEvent event) {
        due(event.subscriptionId(), event.currentPeriodEnd());
    }

    /** A change during the trial leaves the trial's end due; after it the (possibly cut) period's end is. */
    @EventHandler
    public void on(SubscriptionPlanChangedEvent event) {
        if (!event.duringTrial()) {
            due(event.subscriptionId(), event.currentPeriodEnd());
        }
    }

    @EventHandler
    public void on(SubscriptionCanceledEvent event) {
        due(event.subscriptionId(), null);
    }

    /** The subscriptions with a transition due at or before {@code now}, earliest first. */
    public List<String> dueBy(Instant now, int limit) {
        return jdbcTemplate.queryForList("""
                SELECT subscription_id FROM subscription_schedule WHERE due_at <= ? ORDER BY due_at, subscription_id LIMIT ?
                """, String.class, Timestamp.from(now), limit);
    }

    /** The earliest instant after {@code now} at which a subscription has a transition due. */
    public Optional<Instant> nextDueAfter(Instant now) {
        Timestamp next = jdbcTemplate.queryForObject("SELECT min(due_at) FROM subscription_schedule WHERE due_at > ?",
                Timestamp.class, Timestamp.from(now));
        return Optional.ofNullable(next).map(Timestamp::toInstant);
    }

    private void due(String subscriptionId, Instant dueAt) {
        jdbcTemplate.update(UPSERT, subscriptionId, dueAt == null ? null : Timestamp.from(dueAt));
        if (dueAt != null && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> calendar.dueAt(dueAt));
        } else if (dueAt != null) {
            calendar.dueAt(dueAt);
        }
    }
}
