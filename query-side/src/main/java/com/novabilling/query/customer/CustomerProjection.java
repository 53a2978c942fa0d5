package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Maintains the {@code customers} table. Handlers upsert by id, so a redelivered event changes nothing. */
@Component
@ProcessingGroup(CustomerProjection.PROCESSING_GROUP)
public class CustomerProjection {

    public static final String PROCESSING_GROUP = "customers";

    private final CustomerRepository repository;

    public CustomerProjection(CustomerRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    public void on(CustomerCreatedEvent event, @Timestamp Instant createdAt) {
        CustomerEntity customer = repository.findById(event.customerId())
                .orElseGet(() -> new CustomerEntity(event.customerId(), createdAt));
        customer.setDetails(event.externalId(), event.name(), event.email(), event.country(), event.currency(),
                event.metadata(), createdAt);
        repository.save(customer);
    }

    @EventHandler
    public void on(CustomerUpdatedEvent event, @Timestamp Instant updatedAt) {
        CustomerEntity customer = repository.findById(event.customerId())
                .orElseThrow(() -> new IllegalStateException(
                        "Customer " + event.customerId() + " was updated but is not in the read model"));
        customer.setDetails(event.externalId(), event.name(), event.email(), event.country(), event.currency(),
                event.metadata(), updatedAt);
        repository.save(customer);
    }

    @EventHandler
    public void on(CustomerDeletedEvent event) {
        repository.deleteById(event.customerId());
    }

    @ResetHandler
    public void reset() {
        repository.deleteAllInBatch();
    }
}
