package com.novabilling.query.addon;

import com.novabilling.api.addon.AddOnCreatedEvent;
import com.novabilling.api.addon.AddOnDeletedEvent;
import com.novabilling.api.addon.AddOnUpdatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Maintains the {@code addons} table. Handlers upsert by id, so a redelivered event changes nothing. */
@Component
@ProcessingGroup(AddOnProjection.PROCESSING_GROUP)
public class AddOnProjection {

    /** Shared with {@link AppliedAddOnProjection}: one processor (and thread) per tenant for both tables. */
    public static final String PROCESSING_GROUP = "add-ons";

    private final AddOnRepository repository;

    public AddOnProjection(AddOnRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    public void on(AddOnCreatedEvent event, @Timestamp Instant createdAt) {
        AddOnEntity addOn = repository.findById(event.addOnId())
                .orElseGet(() -> new AddOnEntity(event.addOnId(), createdAt));
        addOn.setDetails(event.name(), event.code(), event.description(), event.invoiceDisplayName(), event.prices(),
                event.metadata(), createdAt);
        repository.save(addOn);
    }

    @EventHandler
    public void on(AddOnUpdatedEvent event, @Timestamp Instant updatedAt) {
        AddOnEntity addOn = repository.findById(event.addOnId()).orElseThrow(() -> new IllegalStateException(
                "Add-on " + event.addOnId() + " was updated but is not in the read model"));
        addOn.setDetails(event.name(), event.code(), event.description(), event.invoiceDisplayName(), event.prices(),
                event.metadata(), updatedAt);
        repository.save(addOn);
    }

    @EventHandler
    public void on(AddOnDeletedEvent event) {
        repository.deleteById(event.addOnId());
    }

    @ResetHandler
    public void reset() {
        repository.deleteAllInBatch();
    }
}
