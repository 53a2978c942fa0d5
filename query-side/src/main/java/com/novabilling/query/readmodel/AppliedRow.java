package com.novabilling.query.readmodel;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * One application of a catalog item (a coupon, an add-on) to a customer, kept after its removal as history: its id,
 * the customer, when it was applied and when removed — event timestamps. The status is the subclass's own enum.
 */
@MappedSuperclass
public abstract class AppliedRow {

    @Id
    protected String id;
    protected String customerId;
    protected Instant appliedAt;
    protected Instant removedAt;

    protected AppliedRow() {
        // for JPA
    }

    protected AppliedRow(String id, String customerId, Instant appliedAt) {
        this.id = id;
        this.customerId = customerId;
        this.appliedAt = appliedAt;
    }

    /** Removed at {@code at}: the status becomes the removed one, the row stays. Idempotent. */
    public void markRemoved(Instant at) {
        removedAt = at;
        setRemovedStatus();
    }

    protected abstract void setRemovedStatus();
}
