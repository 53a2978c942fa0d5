package com.novabilling.query.charge;

import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargeUpdatedEvent;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.charge.FindChargeQuery;
import com.novabilling.api.charge.ListChargesQuery;
import com.novabilling.api.query.PageResult;
import com.novabilling.query.readmodel.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The {@code charges} read model: its event handlers and its queries (estimates: {@link ChargeEstimator}). */
@Component
@ProcessingGroup(ChargeProjection.PROCESSING_GROUP)
public class ChargeProjection extends ReadModelProjection<ChargeEntity, ChargeRepository> {

    public static final String PROCESSING_GROUP = "charges";
    static final String RESOURCE = "Charge";
    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));

    public ChargeProjection(ChargeRepository repository) {
        super(RESOURCE, repository, ChargeEntity::new);
    }

    @EventHandler
    public void on(ChargeCreatedEvent event, @Timestamp Instant createdAt) {
        create(event.chargeId(), createdAt, charge -> charge.set(event.details()));
    }

    @EventHandler
    public void on(ChargeUpdatedEvent event, @Timestamp Instant updatedAt) {
        update(event.chargeId(), updatedAt, charge -> charge.set(event.details()));
    }

    @EventHandler
    public void on(ChargeDeletedEvent event) {
        delete(event.chargeId());
    }

    @QueryHandler
    public ChargeView handle(FindChargeQuery query) {
        return find(query.chargeId()).toView();
    }

    @QueryHandler
    public PageResult<ChargeView> handle(ListChargesQuery query) {
        return pageResult(rows.find(query.planId(), query.billableMetricId(),
                        pageable(query.page(), query.limit(), OLDEST_FIRST)),
                ChargeEntity::toView, query.page(), query.limit());
    }
}
