package com.novabilling.api.subscription;

/** The customer as {@code GET /subscriptions/{id}} embeds it. */
public record SubscriptionCustomerSummary(String id, String externalId, String name, String email) {
}
