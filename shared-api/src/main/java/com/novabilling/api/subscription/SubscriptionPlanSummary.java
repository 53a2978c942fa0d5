package com.novabilling.api.subscription;

import com.novabilling.api.plan.BillingInterval;

import java.math.BigDecimal;

/** The plan as {@code GET /subscriptions/{id}} embeds it; {@code amount} is the subscription's price, major units. */
public record SubscriptionPlanSummary(String id, String code, String name, BillingInterval billingInterval,
                                      BigDecimal amount) {
}
