package com.novabilling.command.customer;

import com.novabilling.api.customer.CreateCustomerCommand;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.api.customer.DeleteCustomerCommand;
import com.novabilling.api.customer.UpdateCustomerCommand;
import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.api.metadata.Metadata;
import com.novabilling.command.reference.DeletionPolicy;
import com.novabilling.command.reference.GuardedResource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

@Aggregate
public class Customer {

    @AggregateIdentifier
    private String customerId;
    private String externalId;
    private String name;
    private String email;
    private String country;
    private String currency;
    private Map<String, Object> metadata;
    /** The customer's own billing terms (docs/billing-rules.md §7); null where it leaves them to its plan or tenant. */
    private Integer netPaymentTerms;
    private BigDecimal taxRate;
    private String taxName;

    protected Customer() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Customer(CreateCustomerCommand command, CustomerLookup lookup) {
        String normalizedEmail = normalizeEmail(command.email());
        requireEmailAvailable(lookup, normalizedEmail, null);
        requireExternalIdAvailable(lookup, command.externalId(), null);
        apply(new CustomerCreatedEvent(command.customerId(), command.externalId(), command.name(), normalizedEmail,
                command.country(), command.currency(), Metadata.copyOf(command.metadata()), command.netPaymentTerms(),
                BillingTerms.canonicalRate(command.taxRate()), command.taxName()));
    }

    @CommandHandler
    public void handle(UpdateCustomerCommand command, CustomerLookup lookup) {
        CustomerUpdatedEvent updated = new CustomerUpdatedEvent(
                customerId,
                command.externalId() != null ? command.externalId() : externalId,
                command.name() != null ? command.name() : name,
                command.email() != null ? normalizeEmail(command.email()) : email,
                command.country() != null ? command.country() : country,
                command.currency() != null ? command.currency() : currency,
                command.metadata() != null ? Metadata.copyOf(command.metadata()) : metadata,
                command.netPaymentTerms() != null ? command.netPaymentTerms() : netPaymentTerms,
                command.taxRate() != null ? BillingTerms.canonicalRate(command.taxRate()) : taxRate,
                command.taxName() != null ? command.taxName() : taxName);
        if (updated.equals(currentState())) {
            // nothing to record; the PATCH still succeeds and answers the unchanged customer
            return;
        }
        if (!updated.email().equals(email)) {
            requireEmailAvailable(lookup, updated.email(), customerId);
        }
        if (!Objects.equals(updated.externalId(), externalId)) {
            requireExternalIdAvailable(lookup, updated.externalId(), customerId);
        }
        apply(updated);
    }

    @CommandHandler
    public void handle(DeleteCustomerCommand command, DeletionPolicy deletionPolicy) {
        deletionPolicy.requireDeletable(GuardedResource.CUSTOMER, customerId);
        apply(new CustomerDeletedEvent(customerId));
    }

    @EventSourcingHandler
    void on(CustomerCreatedEvent event) {
        customerId = event.customerId();
        externalId = event.externalId();
        name = event.name();
        email = event.email();
        country = event.country();
        currency = event.currency();
        metadata = event.metadata();
        netPaymentTerms = event.netPaymentTerms();
        taxRate = BillingTerms.canonicalRate(event.taxRate());
        taxName = event.taxName();
    }

    @EventSourcingHandler
    void on(CustomerUpdatedEvent event) {
        externalId = event.externalId();
        name = event.name();
        email = event.email();
        country = event.country();
        currency = event.currency();
        metadata = event.metadata();
        netPaymentTerms = event.netPaymentTerms();
        taxRate = BillingTerms.canonicalRate(event.taxRate());
        taxName = event.taxName();
    }

    @EventSourcingHandler
    void on(CustomerDeletedEvent event) {
        markDeleted();
    }

    private CustomerUpdatedEvent currentState() {
        return new CustomerUpdatedEvent(customerId, externalId, name, email, country, currency, metadata,
                netPaymentTerms, taxRate, taxName);
    }

    private static void requireEmailAvailable(CustomerLookup lookup, String email, String exceptCustomerId) {
        if (lookup.emailTaken(email, exceptCustomerId)) {
            throw CustomerConflicts.emailTaken(email);
        }
    }

    private static void requireExternalIdAvailable(CustomerLookup lookup, String externalId, String exceptCustomerId) {
        if (externalId != null && lookup.externalIdTaken(externalId, exceptCustomerId)) {
            throw CustomerConflicts.externalIdTaken(externalId);
        }
    }

    private static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

}
