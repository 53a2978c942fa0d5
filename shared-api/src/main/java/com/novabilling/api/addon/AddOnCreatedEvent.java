package com.novabilling.api.addon;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Stored flat, the details' fields beside {@code addOnId}, as before they were grouped (2026-12-01). */
public record AddOnCreatedEvent(String addOnId, @JsonUnwrapped AddOnDetails details) {
}
