package com.novabilling.command.addon;

import com.novabilling.api.addon.AddOnAppliedEvent;
import com.novabilling.api.addon.AppliedAddOnRemovedEvent;
import com.novabilling.api.addon.AppliedAddOnStatus;
import com.novabilling.api.addon.AppliedAddOnInvoicedEvent;
import com.novabilling.api.addon.ApplyAddOnCommand;
import com.novabilling.api.addon.MarkAppliedAddOnInvoicedCommand;
import com.novabilling.api.addon.RemoveAppliedAddOnCommand;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.addon.AddOnLookup.AddOnFacts;
import com.novabilling.command.customer.CustomerLookup;
import com.novabilling.command.customer.CustomerLookup.CustomerFacts;
import com.novabilling.command.subscription.SubscriptionLookup;
import com.novabilling.command.subscription.SubscriptionLookup.SubscriptionFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One application of an add-on to a customer (and optionally one of its subscriptions). It captures the add-on's
 * name, code and price when applied and waits, PENDING, for the customer's next invoice, which marks it INVOICED.
 */
@Aggregate
public class AppliedAddOn {

    @AggregateIdentifier
    private String appliedAddOnId;
    private String customerId;
    private AppliedAddOnStatus status;
    private String invoiceId;

    protected AppliedAddOn() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public AppliedAddOn(ApplyAddOnCommand command, AddOnLookup addOns, CustomerLookup customers,
                        SubscriptionLookup subscriptions) {
        AddOnFacts addOn = addOns.find(command.addOnId())
                .orElseThrow(() -> new NotFoundException("Add-on", command.addOnId()));
        CustomerFacts customer = customers.find(command.customerId())
                .orElseThrow(() -> new NotFoundException("Customer", command.customerId()));
        if (command.subscriptionId() != null) {
            requireSubscriptionOf(subscriptions, command.subscriptionId(), command.customerId());
        }
        if (command.quantity() < 1) {
            throw new ValidationException("quantity", "must be greater than or equal to 1");
        }
        CurrencyCode currency = currencyFor(command.currency(), customer, addOn);
        Money unitAmount = addOn.priceIn(currency).orElseThrow();
        Money amount = times(unitAmount, command.quantity());
        apply(new AddOnAppliedEvent(command.appliedAddOnId(), addOn.addOnId(), addOn.code(), addOn.name(),
                addOn.invoiceDisplayName(), command.customerId(), command.subscriptionId(), command.quantity(),
                unitAmount, amount));
    }

    @CommandHandler
    public void handle(RemoveAppliedAddOnCommand command) {
        switch (status) {
            case PENDING -> apply(new AppliedAddOnRemovedEvent(appliedAddOnId, customerId));
            case REMOVED -> throw new ConflictException("Applied add-on '" + appliedAddOnId + "' is already removed");
            case INVOICED -> throw new ConflictException(
                    "Applied add-on '" + appliedAddOnId + "' has been invoiced and can no longer be removed");
        }
    }

    /**
     * Invoicing billed it: PENDING becomes INVOICED (docs/billing-rules.md §13.1). The same invoice again changes
     * nothing (a redelivered trigger); another invoice, or a removed add-on, is a conflict.
     */
    @CommandHandler
    public void handle(MarkAppliedAddOnInvoicedCommand command) {
        if (command.invoiceId() == null || command.invoiceId().isBlank()) {
            throw new ValidationException("invoiceId", "is required");
        }
        switch (status) {
            case PENDING -> apply(new AppliedAddOnInvoicedEvent(appliedAddOnId, customerId, command.invoiceId()));
            case REMOVED -> throw new ConflictException(
                    "Applied add-on '" + appliedAddOnId + "' is removed and cannot be invoiced");
            case INVOICED -> {
                if (!command.invoiceId().equals(invoiceId)) {
                    throw new ConflictException("Applied add-on '" + appliedAddOnId
                            + "' has already been invoiced by " + invoiceId);
                }
            }
        }
    }

    @EventSourcingHandler
    void on(AddOnAppliedEvent event) {
        appliedAddOnId = event.appliedAddOnId();
        customerId = event.customerId();
        status = AppliedAddOnStatus.PENDING;
    }

    @EventSourcingHandler
    void on(AppliedAddOnRemovedEvent event) {
        status = AppliedAddOnStatus.REMOVED;
    }

    @EventSourcingHandler
    void on(AppliedAddOnInvoicedEvent event) {
        status = AppliedAddOnStatus.INVOICED;
        invoiceId = event.invoiceId();
    }

    private static void requireSubscriptionOf(SubscriptionLookup subscriptions, String subscriptionId,
                                              String customerId) {
        SubscriptionFacts subscription = subscriptions.find(subscriptionId)
                .orElseThrow(() -> new NotFoundException("Subscription", subscriptionId));
        if (!subscription.customerId().equals(customerId)) {
            throw new ValidationException("subscriptionId",
                    "subscription '" + subscriptionId + "' belongs to another customer");
        }
    }

    /** The requested currency, else the customer's, else the add-on's only one; it must be one the add-on is priced in. */
    private static CurrencyCode currencyFor(CurrencyCode requested, CustomerFacts customer, AddOnFacts addOn) {
        String pricedIn = addOn.currencies().stream().map(Enum::name).collect(Collectors.joining(", "));
        if (requested != null) {
            if (addOn.priceIn(requested).isEmpty()) {
                throw new ValidationException("currency",
                        "add-on '" + addOn.code() + "' has no " + requested + " price; it is priced in " + pricedIn);
            }
            return requested;
        }
        if (customer.currency() != null) {
            if (addOn.priceIn(customer.currency()).isEmpty()) {
                throw new ValidationException("currency", "the customer bills in " + customer.currency()
                        + " but add-on '" + addOn.code() + "' is priced in " + pricedIn + "; give a currency");
            }
            return customer.currency();
        }
        if (addOn.prices().size() == 1) {
            return addOn.prices().get(0).currency();
        }
        throw new ValidationException("currency", "is required: the customer has no currency and add-on '"
                + addOn.code() + "' is priced in " + pricedIn);
    }

    private static Money times(Money unitAmount, int quantity) {
        try {
            return Money.ofMinor(Math.multiplyExact(unitAmount.minor(), quantity), unitAmount.currency());
        } catch (ArithmeticException e) {
            throw new ValidationException("quantity", "unit price × quantity is too large");
        }
    }
}
