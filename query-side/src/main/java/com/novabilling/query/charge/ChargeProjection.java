package com.novabilling.query.charge;

import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargeUpdatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Maintains the {@code charges} table. Handlers upsert by id, so a redelivered event changes nothing. */
@Component
@ProcessingGroup(ChargeProjection.PROCESSING_GROUP)
public class ChargeProjection {

    public static final String PROCESSING_GROUP = "charges";

    private final ChargeRepository repository;

    public ChargeProjection(ChargeRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    public void on(ChargeCreatedEvent event, @Timestamp Instant createdAt) {
        ChargeEntity charge = repository.findById(event.chargeId()).orElseGet(() -> new ChargeEntity(event.chargeId(),
                event.planId(), event.billableMetricId(), event.currency(), createdAt));
        charge.setPricing(event.billingTiming(), event.toPricing(), createdAt);
        repository.save(charge);
    }

    @EventHandler
    public void on(ChargeUpdatedEvent event, @Timestamp Instant updatedAt) {
        ChargeEntity charge = repository.findById(event.chargeId()).orElseThrow(() -> new IllegalStateException(
                "Charge " + event.chargeId() + " was updated but is not in the read model"));
        charge.setPricing(event.billingTiming(), event.toPricing(), updatedAt);
        repository.save(charge);
    }

    @EventHandler
    public void on(ChargeDeletedEvent event) {
        repository.deleteById(event.chargeId());
    }

    @ResetHandler
    public void reset() {
        repository.deleteAllInBatch();
    }
}
