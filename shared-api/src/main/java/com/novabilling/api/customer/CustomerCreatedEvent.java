package com.novabilling.api.customer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Stored flat, the details' fields beside {@code customerId}, as before they were grouped (2026-12-01). */
public record CustomerCreatedEvent(String customerId, @JsonUnwrapped CustomerDetails details) {
}
