package com.novabilling.query.subscription;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.subscription.FindSubscriptionQuery;
import com.novabilling.api.subscription.ListSubscriptionsQuery;
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
import com.novabilling.api.subscription.SubscriptionView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The {@code subscriptions} read model: its event handlers and the queries that read it, in one class (so that
 * read-your-writes waits for this group before answering them). Every handler sets fields from the event by id, so
 * a redelivered event changes nothing; the events carry every period boundary, nothing is computed here.
 */
@Component
@ProcessingGroup(SubscriptionProjection.PROCESSING_GROUP)
public class SubscriptionProjection {

    public static final String PROCESSING_GROUP = "subscriptions";

    private final SubscriptionRepository repository;
    private final SubscriptionSummaries summaries;

    public SubscriptionProjection(SubscriptionRepository repository, SubscriptionSummaries summaries) {
        this.repository = repository;
        this.summaries = summaries;
    }

    @EventHandler
    public void on(SubscriptionCreatedEvent event, @Timestamp Instant at) {
        SubscriptionEntity subscription = repository.findById(event.subscriptionId())
                .orElseGet(() -> new SubscriptionEntity(event.subscriptionId(), at));
        subscription.created(event.status(), event.customerId(), event.planId(), event.billingInterval(),
                event.price(), event.billingAnchor(), event.timeZone(), event.trialStart(), event.trialEnd(),
                event.currentPeriodStart(), event.currentPeriodEnd(), event.metadata(), at);
        repository.save(subscription);
    }

    @EventHandler
    public void on(SubscriptionTrialEndedEvent event, @Timestamp Instant at) {
        change(event.subscriptionId(), s -> {
            s.plan(event.planId(), event.billingInterval(), event.price(), at);
            s.period(event.currentPeriodStart(), event.currentPeriodEnd(), at);
            s.status(SubscriptionStatus.ACTIVE, at);
        });
    }

    @EventHandler
    public void on(SubscriptionPeriodClosedEvent event, @Timestamp Instant at) {
        if (event.finalPeriod()) {
            return; // the SubscriptionCanceledEvent that follows ends it
        }
        change(event.subscriptionId(), s -> {
            s.plan(event.nextPlanId(), event.nextBillingInterval(), event.nextPrice(), at);
            s.period(event.nextPeriodStart(), event.nextPeriodEnd(), at);
        });
    }

    @EventHandler
    public void on(SubscriptionPausedEvent event, @Timestamp Instant at) {
        change(event.subscriptionId(), s -> {
            s.paused(event.pausedAt(), at);
            s.status(SubscriptionStatus.PAUSED, at);
        });
    }

    @EventHandler
    public void on(SubscriptionResumedEvent event, @Timestamp Instant at) {
        change(event.subscriptionId(), s -> {
            s.paused(null, at);
            s.period(event.currentPeriodStart(), event.currentPeriodEnd(), at);
            s.status(SubscriptionStatus.ACTIVE, at);
        });
    }

    @EventHandler
    public void on(SubscriptionPlanChangedEvent event, @Timestamp Instant at) {
        change(event.subscriptionId(), s -> {
            s.plan(event.newPlanId(), event.newBillingInterval(), event.newPrice(), at);
            s.period(event.currentPeriodStart(), event.currentPeriodEnd(), at);
            s.clearPending();
        });
    }

    @EventHandler
    public void on(SubscriptionPlanChangeScheduledEvent event, @Timestamp Instant at) {
        change(event.subscriptionId(), s -> s.pending(event.newPlanId(), event.kind(), event.effectiveAt(), at));
    }

    @EventHandler
    public void on(SubscriptionCancellationScheduledEvent event, @Timestamp Instant at) {
        change(event.subscriptionId(), s -> s.cancellationScheduled(event.cancelAt(), at));
    }

    @EventHandler
    public void on(SubscriptionCanceledEvent event, @Timestamp Instant at) {
        change(event.subscriptionId(), s -> s.canceled(event.canceledAt(), at));
    }

    @EventHandler
    public void on(SubscriptionMetadataUpdatedEvent event, @Timestamp Instant at) {
        change(event.subscriptionId(), s -> s.metadata(event.metadata(), at));
    }

    @ResetHandler
    public void reset() {
        repository.deleteAllInBatch();
    }

    @QueryHandler
    public SubscriptionView handle(FindSubscriptionQuery query) {
        SubscriptionEntity subscription = repository.findById(query.subscriptionId())
                .orElseThrow(() -> new NotFoundException("Subscription", query.subscriptionId()));
        return subscription.toView(summaries.planOf(subscription), summaries.customerOf(subscription));
    }

    @QueryHandler
    public PageResult<SubscriptionView> handle(ListSubscriptionsQuery query) {
        Specification<SubscriptionEntity> filter = (root, q, cb) -> cb.conjunction();
        if (query.status() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("status"), query.status()));
        }
        if (query.planId() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("planId"), query.planId()));
        }
        if (query.customerId() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("customerId"), query.customerId()));
        }
        Sort newestFirst = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
        Page<SubscriptionEntity> page = repository.findAll(filter,
                PageRequest.of(query.page() - 1, query.limit(), newestFirst));
        return PageResult.of(page.map(SubscriptionEntity::toView).getContent(), page.getTotalElements(),
                query.page(), query.limit());
    }

    private void change(String subscriptionId, Consumer<SubscriptionEntity> change) {
        SubscriptionEntity subscription = repository.findById(subscriptionId)
                .orElseThrow(() -> new IllegalStateException(
                        "Subscription " + subscriptionId + " changed but is not in the read model"));
        change.accept(subscription);
        repository.save(subscription);
    }
}
