package com.novabilling.query.metric;

import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.metric.BillableMetricDeletedEvent;
import com.novabilling.api.metric.BillableMetricUpdatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Maintains the {@code billable_metrics} table. Handlers upsert by id, so a redelivered event changes nothing. */
@Component
@ProcessingGroup(BillableMetricProjection.PROCESSING_GROUP)
public class BillableMetricProjection {

    public static final String PROCESSING_GROUP = "billable-metrics";

    private final BillableMetricRepository repository;

    public BillableMetricProjection(BillableMetricRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    public void on(BillableMetricCreatedEvent event, @Timestamp Instant createdAt) {
        BillableMetricEntity metric = repository.findById(event.billableMetricId())
                .orElseGet(() -> new BillableMetricEntity(event.billableMetricId(), createdAt));
        metric.setDetails(event.name(), event.code(), event.description(), event.aggregationType(), event.fieldName(),
                event.recurring(), event.filters(), event.rounding(), createdAt);
        repository.save(metric);
    }

    @EventHandler
    public void on(BillableMetricUpdatedEvent event, @Timestamp Instant updatedAt) {
        BillableMetricEntity metric = repository.findById(event.billableMetricId())
                .orElseThrow(() -> new IllegalStateException(
                        "Billable metric " + event.billableMetricId() + " was updated but is not in the read model"));
        metric.setDetails(event.name(), event.code(), event.description(), event.aggregationType(), event.fieldName(),
                event.recurring(), event.filters(), event.rounding(), updatedAt);
        repository.save(metric);
    }

    @EventHandler
    public void on(BillableMetricDeletedEvent event) {
        repository.deleteById(event.billableMetricId());
    }

    @ResetHandler
    public void reset() {
        repository.deleteAllInBatch();
    }
}
