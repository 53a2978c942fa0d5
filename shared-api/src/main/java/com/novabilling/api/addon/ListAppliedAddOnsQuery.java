package com.novabilling.api.addon;

/**
 * Answered with a {@code PageResult<AppliedAddOnView>}, newest first. Every filter is nullable; invoicing asks for a
 * customer's (or a subscription's) PENDING ones.
 */
public record ListAppliedAddOnsQuery(int page, int limit, String customerId, String subscriptionId,
                                     AppliedAddOnStatus status) {
}
