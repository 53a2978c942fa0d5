package com.novabilling.api.charge;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Stored flat, the details' fields beside {@code chargeId}, as before they were grouped (2026-12-01). */
public record ChargeCreatedEvent(String chargeId, @JsonUnwrapped ChargeDetails details) {
}
