package com.novabilling.command.customer;

/**
 * Reads the tenant's customer lookup table, to refuse a duplicate email or external id with a friendly message
 * before any event is applied. The table's unique constraints are what guarantees uniqueness; this check alone races.
 */
public interface CustomerLookup {

    /** Whether a customer other than {@code exceptCustomerId} (nullable) has this email, compared case-insensitively. */
    boolean emailTaken(String email, String exceptCustomerId);

    /** Whether a customer other than {@code exceptCustomerId} (nullable) has this external id. */
    boolean externalIdTaken(String externalId, String exceptCustomerId);
}
