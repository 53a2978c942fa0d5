package com.novabilling.api.addon;

/** Answered with an {@link AppliedAddOnView}, or NotFoundException. */
public record FindAppliedAddOnQuery(String appliedAddOnId) {
}
