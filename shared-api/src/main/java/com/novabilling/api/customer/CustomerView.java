package com.novabilling.api.customer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

public record CustomerView(String id, @JsonUnwrapped CustomerDetails details, Instant createdAt, Instant updatedAt) {
}
