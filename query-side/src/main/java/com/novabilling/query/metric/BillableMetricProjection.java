package com.novabilling.query.metric;

import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.metric.BillableMetricDeletedEvent;
import com.novabilling.api.metric.BillableMetricUpdatedEvent;
import com.novabilling.api.metric.BillableMetricView;
import com.novabilling.api.metric.FindBillableMetricQuery;
import com.novabilling.api.metric.ListBillableMetricsQuery;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.query.PageParameters;
import com.novabilling.query.readmodel.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The {@code billable_metrics} read model: its event handlers and its queries. */
@Component
@ProcessingGroup(BillableMetricProjection.PROCESSING_GROUP)
public class BillableMetricProjection extends ReadModelProjection<BillableMetricEntity, BillableMetricRepository> {

    public static final String PROCESSING_GROUP = "billable-metrics";


    public BillableMetricProjection(BillableMetricRepository repository) {
        super("Billable metric", repository, BillableMetricEntity::new);
    }

    @EventHandler
    public void on(BillableMetricCreatedEvent event, @Timestamp Instant createdAt) {
        create(event.billableMetricId(), createdAt, metric -> metric.set(event.details()));
    }

    @EventHandler
    public void on(BillableMetricUpdatedEvent event, @Timestamp Instant updatedAt) {
        update(event.billableMetricId(), updatedAt, metric -> metric.set(event.details()));
    }

    @EventHandler
    public void on(BillableMetricDeletedEvent event) {
        delete(event.billableMetricId());
    }

    @QueryHandler
    public BillableMetricView handle(FindBillableMetricQuery query) {
        return find(query.billableMetricId()).toView();
    }

    @QueryHandler
    public PageResult<BillableMetricView> handle(ListBillableMetricsQuery query) {
        String pattern = query.search() == null ? null : PageParameters.containsPattern(query.search());
        return pageResult(rows.find(query.aggregationType(), pattern,
                        pageable(query.page(), query.limit(), NEWEST_FIRST)),
                BillableMetricEntity::toView, query.page(), query.limit());
    }
}
