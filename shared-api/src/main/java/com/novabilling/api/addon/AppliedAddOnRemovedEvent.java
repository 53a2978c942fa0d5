package com.novabilling.api.addon;

/** A pending applied add-on withdrawn before it was invoiced. */
public record AppliedAddOnRemovedEvent(String appliedAddOnId, String customerId) {
}
