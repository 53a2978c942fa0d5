package com.novabilling.api.customer;

import java.util.Map;

/** {@code email} is lower case; {@code metadata} is never null. */
public record CustomerCreatedEvent(
        String customerId,
        String externalId,
        String name,
        String email,
        String country,
        String currency,
        Map<String, Object> metadata) {
}
