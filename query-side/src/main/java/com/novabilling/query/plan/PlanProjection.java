package com.novabilling.query.plan;

import com.novabilling.api.plan.FindPlanQuery;
import com.novabilling.api.plan.ListPlansQuery;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDeletedEvent;
import com.novabilling.api.plan.PlanPriceAddedEvent;
import com.novabilling.api.plan.PlanPriceRemovedEvent;
import com.novabilling.api.plan.PlanPriceUpdatedEvent;
import com.novabilling.api.plan.PlanUpdatedEvent;
import com.novabilling.api.plan.PlanView;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.query.PageParameters;
import com.novabilling.query.readmodel.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The {@code plans} read model: its event handlers and its queries. */
@Component
@ProcessingGroup(PlanProjection.PROCESSING_GROUP)
public class PlanProjection extends ReadModelProjection<PlanEntity, PlanRepository> {

    public static final String PROCESSING_GROUP = "plans";

    public PlanProjection(PlanRepository repository) {
        super("Plan", repository, PlanEntity::new);
    }

    @EventHandler
    public void on(PlanCreatedEvent event, @Timestamp Instant createdAt) {
        create(event.planId(), createdAt, plan -> {
            plan.set(event.details());
            event.prices().forEach(price -> plan.putPrice(price.priceId(), price.amount()));
        });
    }

    @EventHandler
    public void on(PlanUpdatedEvent event, @Timestamp Instant updatedAt) {
        update(event.planId(), updatedAt, plan -> plan.set(event.details()));
    }

    @EventHandler
    public void on(PlanPriceAddedEvent event, @Timestamp Instant updatedAt) {
        update(event.planId(), updatedAt, plan -> plan.putPrice(event.priceId(), event.amount()));
    }

    @EventHandler
    public void on(PlanPriceUpdatedEvent event, @Timestamp Instant updatedAt) {
        update(event.planId(), updatedAt, plan -> plan.putPrice(event.priceId(), event.amount()));
    }

    @EventHandler
    public void on(PlanPriceRemovedEvent event, @Timestamp Instant updatedAt) {
        update(event.planId(), updatedAt, plan -> plan.removePrice(event.priceId()));
    }

    @EventHandler
    public void on(PlanDeletedEvent event) {
        delete(event.planId());
    }

    @QueryHandler
    public PlanView handle(FindPlanQuery query) {
        return find(query.planId()).toView();
    }

    @QueryHandler
    public PageResult<PlanView> handle(ListPlansQuery query) {
        String pattern = query.search() == null ? null : PageParameters.containsPattern(query.search());
        return pageResult(rows.find(query.active(), pattern, pageable(query.page(), query.limit(), NEWEST_FIRST)),
                PlanEntity::toView, query.page(), query.limit());
    }
}
