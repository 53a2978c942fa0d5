package com.novabilling.app.axon;

import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.List;

/**
 * The JDBC storage engine of one tenant's event store, with one addition: {@link #readBatch} reads at most one
 * batch of events after a token in one query (Axon's own {@code readEvents(token, false)} stream keeps fetching
 * until it finds an empty batch, which costs extra queries on every wake-up).
 */
final class TenantEventStorage extends JdbcEventStorageEngine {

    TenantEventStorage(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    /** The events after {@code token} ({@code null}: from the first), at most {@code max}, in global order. */
    List<TrackedEventMessage<?>> readBatch(TrackingToken token, int max) {
        return EventUtils.upcastAndDeserializeTrackedEvents(fetchTrackedEvents(token, max).stream(),
                        getEventSerializer(), upcasterChain)
                .<TrackedEventMessage<?>>map(event -> event)
                .toList();
    }
}
