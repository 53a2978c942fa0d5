package com.novabilling.command.reference;

import com.novabilling.api.error.ConflictException;

/**
 * Which resource holds which unique {@code code} (plans, billable metrics, coupons, add-ons). Aggregates ask
 * {@link #requireAvailable} before applying an event, for a friendly 409; the lookup tables {@link #claim} and
 * {@link #release} codes in the transaction that appends the event ({@link SameTransaction}), where the table's
 * primary key makes uniqueness hold even when two requests pass the pre-check at the same moment.
 */
public interface ResourceCodes {

    /** Whether a resource other than {@code exceptOwnerId} (nullable) of this kind holds the code. */
    boolean taken(CodeKind kind, String code, String exceptOwnerId);

    /** Records that {@code ownerId} now holds {@code code}, releasing the code it held before. */
    void claim(CodeKind kind, String code, String ownerId);

    void release(String ownerId);

    /** @throws ConflictException on field {@code code} when another resource of the kind holds the code */
    default void requireAvailable(CodeKind kind, String code, String exceptOwnerId) {
        if (taken(kind, code, exceptOwnerId)) {
            throw conflict(kind, code);
        }
    }

    static ConflictException conflict(CodeKind kind, String code) {
        String label = kind.label();
        String article = "aeiou".indexOf(label.charAt(0)) >= 0 ? "An " : "A ";
        return new ConflictException("code", article + label + " with code '" + code + "' already exists");
    }
}
