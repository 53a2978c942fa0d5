package com.novabilling.api.subscription;

import com.novabilling.api.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/**
 * Subscribe a customer to a plan. Nullable: {@code currency} (default: the customer's), {@code trialDays} (default:
 * the plan's), {@code startDate} (default: now; kept to the second), {@code billingAnchor} (default: ANNIVERSARY),
 * {@code timeZone} (the tenant's zone id, e.g. {@code Africa/Nairobi}, for calendar alignment and local-time
 * arithmetic; default UTC), {@code metadata}.
 */
public record CreateSubscriptionCommand(
        @TargetAggregateIdentifier String subscriptionId,
        String customerId,
        String planId,
        CurrencyCode currency,
        Integer trialDays,
        Instant startDate,
        BillingAnchor billingAnchor,
        String timeZone,
        Map<String, Object> metadata) {
}
