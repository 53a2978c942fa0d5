package com.novabilling.query.plan;

import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDeletedEvent;
import com.novabilling.api.plan.PlanPriceAddedEvent;
import com.novabilling.api.plan.PlanPriceRemovedEvent;
import com.novabilling.api.plan.PlanPriceUpdatedEvent;
import com.novabilling.api.plan.PlanUpdatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Maintains the {@code plans} table. Handlers upsert by id, so a redelivered event changes nothing. */
@Component
@ProcessingGroup(PlanProjection.PROCESSING_GROUP)
public class PlanProjection {

    public static final String PROCESSING_GROUP = "plans";

    private final PlanRepository repository;

    public PlanProjection(PlanRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    public void on(PlanCreatedEvent event, @Timestamp Instant createdAt) {
        PlanEntity plan = repository.findById(event.planId()).orElseGet(() -> new PlanEntity(event.planId(), createdAt));
        plan.setDetails(event.name(), event.code(), event.description(), event.billingInterval(), event.features(),
                event.trialDays(), event.active(), event.metadata(), createdAt);
        event.prices().forEach(price -> plan.putPrice(price.priceId(), price.amount(), createdAt));
        repository.save(plan);
    }

    @EventHandler
    public void on(PlanUpdatedEvent event, @Timestamp Instant updatedAt) {
        PlanEntity plan = existing(event.planId());
        plan.setDetails(event.name(), event.code(), event.description(), event.billingInterval(), event.features(),
                event.trialDays(), event.active(), event.metadata(), updatedAt);
        repository.save(plan);
    }

    @EventHandler
    public void on(PlanPriceAddedEvent event, @Timestamp Instant updatedAt) {
        PlanEntity plan = existing(event.planId());
        plan.putPrice(event.priceId(), event.amount(), updatedAt);
        repository.save(plan);
    }

    @EventHandler
    public void on(PlanPriceUpdatedEvent event, @Timestamp Instant updatedAt) {
        PlanEntity plan = existing(event.planId());
        plan.putPrice(event.priceId(), event.amount(), updatedAt);
        repository.save(plan);
    }

    @EventHandler
    public void on(PlanPriceRemovedEvent event, @Timestamp Instant updatedAt) {
        PlanEntity plan = existing(event.planId());
        plan.removePrice(event.priceId(), updatedAt);
        repository.save(plan);
    }

    @EventHandler
    public void on(PlanDeletedEvent event) {
        repository.deleteById(event.planId());
    }

    @ResetHandler
    public void reset() {
        repository.deleteAllInBatch();
    }

    private PlanEntity existing(String planId) {
        return repository.findById(planId).orElseThrow(() -> new IllegalStateException(
                "Plan " + planId + " changed but is not in the read model"));
    }
}
