package com.novabilling.api.charge;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The charge's complete state after the update, stored flat like {@link ChargeCreatedEvent}. */
public record ChargeUpdatedEvent(String chargeId, @JsonUnwrapped ChargeDetails details) {
}
