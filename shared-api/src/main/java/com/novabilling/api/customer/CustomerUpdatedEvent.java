package com.novabilling.api.customer;

import java.util.Map;

/**
 * The customer's complete state after the update, changed and unchanged fields alike, so that every consumer
 * (aggregate, lookup table, read models) can simply overwrite what it holds.
 */
public record CustomerUpdatedEvent(
        String customerId,
        String externalId,
        String name,
        String email,
        String country,
        String currency,
        Map<String, Object> metadata) {
}
