package com.novabilling.query.addon;

import com.novabilling.api.addon.AddOnAppliedEvent;
import com.novabilling.api.addon.AppliedAddOnRemovedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Maintains the {@code applied_addons} table. Applying inserts by id and removing overwrites status and time, so a
 * redelivered event changes nothing.
 */
@Component
@ProcessingGroup(AddOnProjection.PROCESSING_GROUP)
public class AppliedAddOnProjection {

    private final AppliedAddOnRepository repository;

    public AppliedAddOnProjection(AppliedAddOnRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    public void on(AddOnAppliedEvent event, @Timestamp Instant appliedAt) {
        if (!repository.existsById(event.appliedAddOnId())) {
            repository.save(new AppliedAddOnEntity(event, appliedAt));
        }
    }

    @EventHandler
    public void on(AppliedAddOnRemovedEvent event, @Timestamp Instant removedAt) {
        AppliedAddOnEntity applied = repository.findById(event.appliedAddOnId()).orElseThrow(() ->
                new IllegalStateException("Applied add-on " + event.appliedAddOnId() + " is not in the read model"));
        applied.markRemoved(removedAt);
        repository.save(applied);
    }

    @ResetHandler
    public void reset() {
        repository.deleteAllInBatch();
    }
}
