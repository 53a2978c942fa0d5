package com.novabilling.api.addon;

import com.novabilling.api.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Applies an add-on to a customer, optionally for one of its subscriptions. {@code currency} null means: the
 * customer's currency, else the add-on's only price currency.
 */
public record ApplyAddOnCommand(
        @TargetAggregateIdentifier String appliedAddOnId,
        String addOnId,
        String customerId,
        String subscriptionId,
        int quantity,
        CurrencyCode currency) {
}
