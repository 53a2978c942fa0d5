package com.novabilling.api.customer;

import java.time.Instant;
import java.util.Map;

public record CustomerView(
        String id,
        String externalId,
        String name,
        String email,
        String country,
        String currency,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt) {
}
