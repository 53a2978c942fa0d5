package com.novabilling.query.readmodel;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What every resource's row has: its id, and when it was created and last changed — the timestamps of the events
 * that did it, set by {@link ReadModelProjection}, never the clock of the node that projects.
 */
@MappedSuperclass
public abstract class ReadModelRow implements Persistable<String> {

    @Id
    protected String id;
    protected Instant createdAt;
    protected Instant updatedAt;

    /** Made by a creating event and not stored yet: saved with an insert, not a merge that reads the row first. */
    @Transient
    private boolean unsaved;

    public String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return unsaved;
    }

    void markUnsaved() {
        unsaved = true;
    }

    @PostPersist
    @PostLoad
    void markSaved() {
        unsaved = false;
    }
}
