package com.novabilling.command.subscription;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metadata.Metadata;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.AdvanceSubscriptionCommand;
import com.novabilling.api.subscription.BillingAnchor;
import com.novabilling.api.subscription.CancelSubscriptionCommand;
import com.novabilling.api.subscription.CancelTiming;
import com.novabilling.api.subscription.ChangeSubscriptionPlanCommand;
import com.novabilling.api.subscription.CreateSubscriptionCommand;
import com.novabilling.api.subscription.PauseSubscriptionCommand;
import com.novabilling.api.subscription.PlanChangeKind;
import com.novabilling.api.subscription.PlanChangeTiming;
import com.novabilling.api.subscription.ResumeSubscriptionCommand;
import com.novabilling.api.subscription.SubscriptionCancellationScheduledEvent;
import com.novabilling.api.subscription.SubscriptionCanceledEvent;
import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionMetadataUpdatedEvent;
import com.novabilling.api.subscription.SubscriptionPausedEvent;
import com.novabilling.api.subscription.SubscriptionPeriodClosedEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangeScheduledEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangedEvent;
import com.novabilling.api.subscription.SubscriptionResumedEvent;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.api.subscription.SubscriptionTrialEndedEvent;
import com.novabilling.api.subscription.UpdateSubscriptionMetadataCommand;
import com.novabilling.billing.period.BillingPeriod;
import com.novabilling.billing.period.BillingSchedule;
import com.novabilling.billing.period.PlanChanges;
import com.novabilling.billing.period.ProrationFacts;
import com.novabilling.command.subscription.SubscriptionCatalog.CustomerStanding;
import com.novabilling.command.subscription.SubscriptionCatalog.PlanTerms;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's subscription to a plan and its billing periods (docs/billing-rules.md §10, §12). Periods come from
 * the pure {@link BillingSchedule}; "now" is the tenant's {@link Clock}, a handler parameter, and every instant is
 * kept to the second.
 *
 * <p>Every command first performs the transitions already due at its "now" (trial end, period closes, a scheduled
 * cancellation, a pending change) — exactly what {@link AdvanceSubscriptionCommand} does — so a pause or a change
 * that arrives before the scheduler has run still acts on the right period. Each period is closed once: a closed
 * period is no longer the current one, so repeating the advance applies nothing.
 */
@Aggregate
public class Subscription {

    static final int MAX_TRIAL_DAYS = 730;
    /** A start may lie at most this far in the past or the future (docs/billing-rules.md §10). */
    static final Duration MAX_START_OFFSET = Duration.ofDays(366);
    /** A backdated start may lie at most this many of the plan's intervals in the past (HOURLY: 1,000 hours). */
    static final int MAX_BACKDATED_PERIODS = 1_000;

    private record PendingChange(String planId, BillingInterval billingInterval, Money price, PlanChangeKind kind) {
    }

    @AggregateIdentifier
    private String subscriptionId;
    private String customerId;
    private SubscriptionStatus status;
    private String planId;
    private BillingInterval billingInterval;
    private CurrencyCode currency;
    private Money price;
    private BillingAnchor billingAnchor;
    private String timeZone;
    private Instant trialStart;
    private Instant trialEnd;
    /** Null while TRIALING: billing periods are anchored when the trial ends. */
    private Instant anchor;
    private long anchorShiftSeconds;
    private Instant currentPeriodStart;
    private Instant currentPeriodEnd;
    private long periodPausedSeconds;
    private Instant planEffectiveFrom;
    private Instant pausedAt;
    private boolean cancelAtPeriodEnd;
    private PendingChange pendingChange;
    private Map<String, Object> metadata;

    protected Subscription() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Subscription(CreateSubscriptionCommand command, SubscriptionCatalog catalog, Clock clock) {
        CustomerStanding customer = catalog.findCustomer(command.customerId())
                .orElseThrow(() -> new NotFoundException("Customer", command.customerId()));
        if (customer.deleted()) {
            throw new ConflictException("customerId", "Customer " + command.customerId() + " is deleted");
        }
        PlanTerms plan = catalog.findPlan(command.planId())
                .orElseThrow(() -> new NotFoundException("Plan", command.planId()));
        if (!plan.active()) {
            throw new ConflictException("planId", "Plan '" + plan.code() + "' is inactive");
        }
        Money planPrice = priceFor(plan, command.currency(), customer);
        int trialDays = command.trialDays() != null ? command.trialDays() : plan.trialDays();
        if (trialDays < 0 || trialDays > MAX_TRIAL_DAYS) {
            throw new ValidationException("trialDays", "must be between 0 and " + MAX_TRIAL_DAYS);
        }
        ZoneId zone = zoneOf(command.timeZone());
        BillingAnchor anchorKind = command.billingAnchor() != null
                ? command.billingAnchor()
                : BillingAnchor.ANNIVERSARY;
        Instant start = toSecond(command.startDate() != null ? command.startDate() : clock.instant());
        requireStartWithinBounds(start, toSecond(clock.instant()), plan.billingInterval());

        if (trialDays > 0) {
            Instant trialEnds = start.atZone(zone).plusDays(trialDays).toInstant();
            apply(new SubscriptionCreatedEvent(command.subscriptionId(), command.customerId(), plan.planId(),
                    plan.billingInterval(), planPrice.currency(), planPrice, SubscriptionStatus.TRIALING, anchorKind,
                    zone.getId(), start, start, trialEnds, null, start, trialEnds,
                    Metadata.copyOf(command.metadata())));
        } else {
            BillingSchedule schedule = BillingSchedule.startingAt(start, plan.billingInterval(), anchorKind, zone);
            BillingPeriod first = schedule.periodStartingAt(start);
            apply(new SubscriptionCreatedEvent(command.subscriptionId(), command.customerId(), plan.planId(),
                    plan.billingInterval(), planPrice.currency(), planPrice, SubscriptionStatus.ACTIVE, anchorKind,
                    zone.getId(), start, null, null, schedule.anchor(), first.start(), first.end(),
                    Metadata.copyOf(command.metadata())));
        }
    }

    @CommandHandler
    public void handle(AdvanceSubscriptionCommand command, Clock clock) {
        Instant now = toSecond(clock.instant());
        Instant upTo = command.upTo() != null ? toSecond(command.upTo()) : now;
        if (upTo.isAfter(now)) {
            throw new ValidationException("upTo", "must not be after the tenant's current time " + now);
        }
        performDueTransitions(upTo);
    }

    @CommandHandler
    public void handle(PauseSubscriptionCommand command, Clock clock) {
        Instant now = toSecond(clock.instant());
        performDueTransitions(now);
        requireStatus(SubscriptionStatus.ACTIVE);
        apply(new SubscriptionPausedEvent(subscriptionId, now, currentPeriodStart, currentPeriodEnd));
    }

    @CommandHandler
    public void handle(ResumeSubscriptionCommand command, Clock clock) {
        Instant now = toSecond(clock.instant());
        performDueTransitions(now);
        requireStatus(SubscriptionStatus.PAUSED);
        long paused = Duration.between(pausedAt, now).getSeconds();
        apply(new SubscriptionResumedEvent(subscriptionId, pausedAt, now, paused, currentPeriodStart,
                currentPeriod().stretchedBy(paused).end(), Math.addExact(anchorShiftSeconds, paused),
                Math.addExact(periodPausedSeconds, paused)));
    }

    @CommandHandler
    public void handle(CancelSubscriptionCommand command, Clock clock) {
        Instant now = toSecond(clock.instant());
        performDueTransitions(now);
        if (status == SubscriptionStatus.CANCELED) {
            throw stateConflict();
        }
        CancelTiming timing = command.timing() != null ? command.timing() : CancelTiming.NOW;
        if (timing == CancelTiming.PERIOD_END) {
            if (!cancelAtPeriodEnd) {
                apply(new SubscriptionCancellationScheduledEvent(subscriptionId, now, currentPeriodEnd,
                        pendingChange != null ? pendingChange.planId() : null));
            }
            return;
        }
        // A paused subscription has used its period up to the pause, not up to now.
        Instant usedUpTo = status == SubscriptionStatus.PAUSED ? pausedAt : now;
        ProrationFacts facts = ProrationFacts.at(currentPeriod(), periodPausedSeconds, usedUpTo);
        apply(new SubscriptionCanceledEvent(subscriptionId, CancelTiming.NOW, status, now, planId, currency, price,
                currentPeriodStart, currentPeriodEnd, facts.periodSeconds(), facts.usedSeconds(),
                facts.remainingSeconds()));
    }

    @CommandHandler
    public void handle(ChangeSubscriptionPlanCommand command, SubscriptionCatalog catalog, Clock clock) {
        Instant now = toSecond(clock.instant());
        performDueTransitions(now);
        if (status == SubscriptionStatus.CANCELED || status == SubscriptionStatus.PAUSED) {
            throw stateConflict();
        }
        if (planId.equals(command.newPlanId())) {
            throw new ConflictException("planId", "Subscription " + subscriptionId + " is already on plan "
                    + planId);
        }
        PlanTerms plan = catalog.findPlan(command.newPlanId())
                .orElseThrow(() -> new NotFoundException("Plan", command.newPlanId()));
        if (!plan.active()) {
            throw new ConflictException("planId", "Plan '" + plan.code() + "' is inactive");
        }
        Money newPrice = plan.priceIn(currency).orElseThrow(() -> new ConflictException("planId", "Plan '"
                + plan.code() + "' has no price in " + currency + ", the currency of subscription "
                + subscriptionId));
        PlanChangeKind kind = PlanChanges.kind(price, billingInterval, newPrice, plan.billingInterval());

        if (status == SubscriptionStatus.TRIALING) {
            // Nothing is billed during a trial, so any change applies at once; the periods start at the trial end.
            ProrationFacts facts = ProrationFacts.at(currentPeriod(), 0, now);
            apply(new SubscriptionPlanChangedEvent(subscriptionId, kind, PlanChangeTiming.IMMEDIATE, true, now,
                    currency, planId, billingInterval, price, plan.planId(), plan.billingInterval(), newPrice,
                    currentPeriodStart, currentPeriodEnd, facts.periodSeconds(), facts.usedSeconds(),
                    facts.remainingSeconds(), true, null, 0, currentPeriodStart, currentPeriodEnd, 0));
            return;
        }
        PlanChangeTiming timing = command.timing() != null ? command.timing()
                : kind == PlanChangeKind.UPGRADE ? PlanChangeTiming.IMMEDIATE : PlanChangeTiming.PERIOD_END;
        if (timing == PlanChangeTiming.PERIOD_END) {
            if (cancelAtPeriodEnd) {
                throw new ConflictException("Subscription " + subscriptionId + " is scheduled to cancel at "
                        + currentPeriodEnd);
            }
            if (pendingChange != null && pendingChange.planId().equals(plan.planId())) {
                return;
            }
            apply(new SubscriptionPlanChangeScheduledEvent(subscriptionId, kind, now, currentPeriodEnd, currency,
                    planId, price, plan.planId(), plan.billingInterval(), newPrice));
            return;
        }
        apply(planChanged(kind, PlanChangeTiming.IMMEDIATE, now, plan.planId(), plan.billingInterval(), newPrice,
                ProrationFacts.at(currentPeriod(), periodPausedSeconds, now)));
    }

    @CommandHandler
    public void handle(UpdateSubscriptionMetadataCommand command) {
        Map<String, Object> updated = Metadata.copyOf(command.metadata());
        if (!updated.equals(metadata)) {
            apply(new SubscriptionMetadataUpdatedEvent(subscriptionId, updated));
        }
    }

    /** Trial end, then each period end up to {@code now}, in order; nothing runs while PAUSED or once CANCELED. */
    private void performDueTransitions(Instant now) {
        while (true) {
            if (status == SubscriptionStatus.TRIALING && !trialEnd.isAfter(now)) {
                endTrial();
            } else if (status == SubscriptionStatus.ACTIVE && !currentPeriodEnd.isAfter(now)) {
                closePeriod();
            } else {
                return;
            }
        }
    }

    private void endTrial() {
        if (cancelAtPeriodEnd) {
            ProrationFacts facts = ProrationFacts.fullyUsed(currentPeriod(), 0);
            apply(new SubscriptionCanceledEvent(subscriptionId, CancelTiming.PERIOD_END, status, trialEnd, planId,
                    currency, price, trialStart, trialEnd, facts.periodSeconds(), facts.usedSeconds(),
                    facts.remainingSeconds()));
            return;
        }
        BillingSchedule schedule = BillingSchedule.startingAt(trialEnd, billingInterval, billingAnchor, zone());
        BillingPeriod first = schedule.periodStartingAt(trialEnd);
        apply(new SubscriptionTrialEndedEvent(subscriptionId, trialStart, trialEnd, planId, billingInterval, currency,
                price, schedule.anchor(), first.start(), first.end()));
    }

    private void closePeriod() {
        BillingPeriod closing = currentPeriod();
        if (cancelAtPeriodEnd) {
            apply(new SubscriptionPeriodClosedEvent(subscriptionId, closing.start(), closing.end(), planId,
                    billingInterval, currency, price, planEffectiveFrom, periodPausedSeconds,
                    null, null, null, null, null));
            ProrationFacts facts = ProrationFacts.fullyUsed(closing, periodPausedSeconds);
            apply(new SubscriptionCanceledEvent(subscriptionId, CancelTiming.PERIOD_END, status, closing.end(),
                    planId, currency, price, closing.start(), closing.end(), facts.periodSeconds(),
                    facts.usedSeconds(), facts.remainingSeconds()));
            return;
        }
        if (pendingChange == null) {
            BillingPeriod next = schedule().periodAfter(closing);
            apply(new SubscriptionPeriodClosedEvent(subscriptionId, closing.start(), closing.end(), planId,
                    billingInterval, currency, price, planEffectiveFrom, periodPausedSeconds,
                    next.start(), next.end(), planId, billingInterval, price));
            return;
        }
        PendingChange change = pendingChange;
        SubscriptionPlanChangedEvent changed = planChanged(change.kind(), PlanChangeTiming.PERIOD_END, closing.end(),
                change.planId(), change.billingInterval(), change.price(),
                ProrationFacts.fullyUsed(closing, periodPausedSeconds));
        apply(new SubscriptionPeriodClosedEvent(subscriptionId, closing.start(), closing.end(), planId,
                billingInterval, currency, price, planEffectiveFrom, periodPausedSeconds,
                changed.currentPeriodStart(), changed.currentPeriodEnd(), change.planId(), change.billingInterval(),
                change.price()));
        apply(changed);
    }

    /**
     * The change to another plan at {@code changedAt}: the same interval keeps the anchor and the period
     * ({@code changedAt} inside it, or at its end when a pending change is applied — then the next period of the
     * same schedule follows); another interval restarts the schedule at {@code changedAt} (§10).
     */
    private SubscriptionPlanChangedEvent planChanged(PlanChangeKind kind, PlanChangeTiming timing, Instant changedAt,
                                                     String newPlanId, BillingInterval newInterval, Money newPrice,
                                                     ProrationFacts facts) {
        boolean anchorKept = newInterval == billingInterval;
        Instant newAnchor = anchor;
        long newShift = anchorShiftSeconds;
        BillingPeriod current;
        long currentPaused;
        if (anchorKept) {
            boolean atPeriodEnd = changedAt.equals(currentPeriodEnd);
            current = atPeriodEnd ? schedule().periodAfter(currentPeriod()) : currentPeriod();
            currentPaused = atPeriodEnd ? 0 : periodPausedSeconds;
        } else {
            BillingSchedule restarted = BillingSchedule.startingAt(changedAt, newInterval, billingAnchor, zone());
            newAnchor = restarted.anchor();
            newShift = 0;
            current = restarted.periodStartingAt(changedAt);
            currentPaused = 0;
        }
        return new SubscriptionPlanChangedEvent(subscriptionId, kind, timing, false, changedAt, currency, planId,
                billingInterval, price, newPlanId, newInterval, newPrice, currentPeriodStart, currentPeriodEnd,
                facts.periodSeconds(), facts.usedSeconds(), facts.remainingSeconds(), anchorKept, newAnchor, newShift,
                current.start(), current.end(), currentPaused);
    }

    @EventSourcingHandler
    void on(SubscriptionCreatedEvent event) {
        subscriptionId = event.subscriptionId();
        customerId = event.customerId();
        status = event.status();
        planId = event.planId();
        billingInterval = event.billingInterval();
        currency = event.currency();
        price = event.price();
        billingAnchor = event.billingAnchor();
        timeZone = event.timeZone();
        trialStart = event.trialStart();
        trialEnd = event.trialEnd();
        anchor = event.anchor();
        currentPeriodStart = event.currentPeriodStart();
        currentPeriodEnd = event.currentPeriodEnd();
        planEffectiveFrom = event.currentPeriodStart();
        metadata = event.metadata();
    }

    @EventSourcingHandler
    void on(SubscriptionTrialEndedEvent event) {
        status = SubscriptionStatus.ACTIVE;
        anchor = event.anchor();
        anchorShiftSeconds = 0;
        currentPeriodStart = event.currentPeriodStart();
        currentPeriodEnd = event.currentPeriodEnd();
        planEffectiveFrom = event.currentPeriodStart();
        periodPausedSeconds = 0;
    }

    @EventSourcingHandler
    void on(SubscriptionPeriodClosedEvent event) {
        if (event.finalPeriod()) {
            return;
        }
        currentPeriodStart = event.nextPeriodStart();
        currentPeriodEnd = event.nextPeriodEnd();
        planEffectiveFrom = event.nextPeriodStart();
        periodPausedSeconds = 0;
    }

    @EventSourcingHandler
    void on(SubscriptionPausedEvent event) {
        status = SubscriptionStatus.PAUSED;
        pausedAt = event.pausedAt();
    }

    @EventSourcingHandler
    void on(SubscriptionResumedEvent event) {
        status = SubscriptionStatus.ACTIVE;
        pausedAt = null;
        currentPeriodEnd = event.currentPeriodEnd();
        anchorShiftSeconds = event.anchorShiftSeconds();
        periodPausedSeconds = event.periodPausedSeconds();
    }

    @EventSourcingHandler
    void on(SubscriptionPlanChangedEvent event) {
        planId = event.newPlanId();
        billingInterval = event.newBillingInterval();
        price = event.newPrice();
        anchor = event.anchor();
        anchorShiftSeconds = event.anchorShiftSeconds();
        currentPeriodStart = event.currentPeriodStart();
        currentPeriodEnd = event.currentPeriodEnd();
        periodPausedSeconds = event.periodPausedSeconds();
        planEffectiveFrom = event.changedAt();
        pendingChange = null;
    }

    @EventSourcingHandler
    void on(SubscriptionPlanChangeScheduledEvent event) {
        pendingChange = new PendingChange(event.newPlanId(), event.newBillingInterval(), event.newPrice(),
                event.kind());
    }

    @EventSourcingHandler
    void on(SubscriptionCancellationScheduledEvent event) {
        cancelAtPeriodEnd = true;
        pendingChange = null;
    }

    @EventSourcingHandler
    void on(SubscriptionCanceledEvent event) {
        status = SubscriptionStatus.CANCELED;
        pausedAt = null;
        pendingChange = null;
    }

    @EventSourcingHandler
    void on(SubscriptionMetadataUpdatedEvent event) {
        metadata = event.metadata();
    }

    private BillingPeriod currentPeriod() {
        return new BillingPeriod(currentPeriodStart, currentPeriodEnd);
    }

    private BillingSchedule schedule() {
        return new BillingSchedule(anchor, billingInterval, zone(), anchorShiftSeconds);
    }

    private ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    private void requireStatus(SubscriptionStatus required) {
        if (status != required) {
            throw stateConflict();
        }
    }

    private ConflictException stateConflict() {
        return new ConflictException("Subscription " + subscriptionId + " is " + status);
    }

    /**
     * The price in the currency asked for, else the customer's, else the plan's only one (§10); a currency the plan
     * has no price in is a 400 naming {@code currency}.
     */
    private static Money priceFor(PlanTerms plan, CurrencyCode requested, CustomerStanding customer) {
        CurrencyCode currency = requested != null ? requested : customer.currency();
        if (currency == null) {
            if (plan.prices().size() == 1) {
                return plan.prices().get(0);
            }
            throw new ValidationException("currency", "is required: customer " + customer.customerId()
                    + " has no currency and plan '" + plan.code() + "' is priced in " + currencyList(plan));
        }
        return plan.priceIn(currency).orElseThrow(() -> new ValidationException("currency", "plan '" + plan.code()
                + "' has no price in " + currency + "; it is priced in " + currencyList(plan)));
    }

    /**
     * A backdated start makes the first command catch up every period since (one event each), so it is bounded:
     * not earlier than 366 days nor than 1,000 of the plan's intervals before now, not later than 366 days after.
     */
    private static void requireStartWithinBounds(Instant start, Instant now, BillingInterval interval) {
        Instant earliest = now.minus(MAX_START_OFFSET);
        Instant byPeriods = interval == BillingInterval.HOURLY
                ? now.minus(Duration.ofHours(MAX_BACKDATED_PERIODS))
                : earliest; // 1,000 days, weeks, months … are all more than 366 days
        if (byPeriods.isAfter(earliest)) {
            earliest = byPeriods;
        }
        if (start.isBefore(earliest)) {
            throw new ValidationException("startDate", "must not be before " + earliest + " (at most 366 days and "
                    + MAX_BACKDATED_PERIODS + " billing intervals in the past)");
        }
        if (start.isAfter(now.plus(MAX_START_OFFSET))) {
            throw new ValidationException("startDate", "must not be after " + now.plus(MAX_START_OFFSET)
                    + " (at most 366 days in the future)");
        }
    }

    private static String currencyList(PlanTerms plan) {
        return plan.currencies().isEmpty() ? "no currency"
                : plan.currencies().stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static ZoneId zoneOf(String timeZone) {
        if (timeZone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new ValidationException("timeZone", "is not a time zone id such as Africa/Nairobi");
        }
    }

    private static Instant toSecond(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
