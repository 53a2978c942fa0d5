package com.novabilling.command.customer;

import com.novabilling.api.customer.CreateCustomerCommand;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.api.customer.DeleteCustomerCommand;
import com.novabilling.api.customer.UpdateCustomerCommand;
import com.novabilling.command.reference.DeletionPolicy;
import com.novabilling.command.reference.GuardedResource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

@Aggregate
public class Customer {

    @AggregateIdentifier
    private String customerId;
    private CustomerDetails details;

    protected Customer() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Customer(CreateCustomerCommand command, CustomerLookup lookup) {
        CustomerDetails created = command.details().normalized();
        lookup.requireAvailable(created.email(), created.externalId(), null);
        apply(new CustomerCreatedEvent(command.customerId(), created));
    }

    @CommandHandler
    public void handle(UpdateCustomerCommand command, CustomerLookup lookup) {
        CustomerDetails updated = details.with(command.changes());
        if (updated.equals(details)) {
            // nothing to record; the PATCH still succeeds and answers the unchanged customer
            return;
        }
        lookup.requireAvailable(updated.email().equals(details.email()) ? null : updated.email(),
                Objects.equals(updated.externalId(), details.externalId()) ? null : updated.externalId(), customerId);
        apply(new CustomerUpdatedEvent(customerId, updated));
    }

    @CommandHandler
    public void handle(DeleteCustomerCommand command, DeletionPolicy deletionPolicy) {
        deletionPolicy.requireDeletable(GuardedResource.CUSTOMER, customerId);
        apply(new CustomerDeletedEvent(customerId));
    }

    @EventSourcingHandler
    void on(CustomerCreatedEvent event) {
        customerId = event.customerId();
        details = event.details().normalized();
    }

    @EventSourcingHandler
    void on(CustomerUpdatedEvent event) {
        details = event.details().normalized();
    }

    @EventSourcingHandler
    void on(CustomerDeletedEvent event) {
        markDeleted();
    }
}
