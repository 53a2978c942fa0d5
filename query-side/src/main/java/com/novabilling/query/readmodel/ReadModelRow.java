package com.novabilling.query.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What every resource's row has: its id, and when it was created and last changed — the timestamps of the events
 * that did it, set by {@link ReadModelProjection}, never the clock of the node that projects.
 */
@MappedSuperclass
public abstract class ReadModelRow {

    @Id
    protected String id;
    @Column(name = "created_at")
    protected Instant createdAt;
    @Column(name = "updated_at")
    protected Instant updatedAt;

    public String id() {
        return id;
    }
}
