package com.novabilling.api.customer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The customer's complete details after the change, stored flat like {@link CustomerCreatedEvent}'s. */
public record CustomerUpdatedEvent(String customerId, @JsonUnwrapped CustomerDetails details) {
}
