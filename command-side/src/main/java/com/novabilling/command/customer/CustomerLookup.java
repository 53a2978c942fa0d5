package com.novabilling.command.customer;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.money.CurrencyCode;

import java.util.Optional;

/**
 * What commands ask of the tenant's customers ({@link CustomerLookupTable}): to refuse a duplicate email or external
 * id with a friendly message before any event is applied, and to check a customer another feature refers to. The
 * table's unique constraints are what guarantees uniqueness; this check alone races.
 */
public interface CustomerLookup {

    /** Whether a customer other than {@code exceptCustomerId} (nullable) has this email, compared case-insensitively. */
    boolean emailTaken(String email, String exceptCustomerId);

    /** Whether a customer other than {@code exceptCustomerId} (nullable) has this external id. */
    boolean externalIdTaken(String externalId, String exceptCustomerId);

    /** The customer, if it exists (and is not deleted) in the current tenant. */
    Optional<CustomerFacts> find(String customerId);

    /** Refuses (409) an email or external id that a customer other than {@code exceptCustomerId} has; null: not checked. */
    default void requireAvailable(String email, String externalId, String exceptCustomerId) {
        if (email != null && emailTaken(email, exceptCustomerId)) {
            throw emailConflict(email);
        }
        if (externalId != null && externalIdTaken(externalId, exceptCustomerId)) {
            throw externalIdConflict(externalId);
        }
    }

    static ConflictException emailConflict(String email) {
        return new ConflictException("email", "A customer with email '" + email + "' already exists");
    }

    static ConflictException externalIdConflict(String externalId) {
        return new ConflictException("externalId", "A customer with externalId '" + externalId + "' already exists");
    }

    /** @param currency the customer's billing currency, or {@code null} when none was set */
    record CustomerFacts(String customerId, CurrencyCode currency) {
    }
}
