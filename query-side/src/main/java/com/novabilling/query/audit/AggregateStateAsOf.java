package com.novabilling.query.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * An aggregate as it was at {@code asOf}: its state folded from every event recorded up to then, {@code version}
 * being the sequence number of the last of them.
 */
public record AggregateStateAsOf(String aggregateId,
                                 String aggregateType,
                                 long version,
                                 Instant asOf,
                                 Instant lastEventAt,
                                 boolean deleted,
                                 ObjectNode state) {

    /** Folds the aggregate's events, given in sequence order and starting at its first; there must be at least one. */
    static AggregateStateAsOf fold(String aggregateId, Instant asOf, List<AuditEvent> events, AggregateStateFolder folder) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an aggregate state needs at least one event");
        }
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        for (AuditEvent event : events) {
            state = folder.evolve(state, event.type(), event.payload());
        }
        AuditEvent last = events.get(events.size() - 1);
        boolean deleted = state.path(JsonMergeStateFolder.DELETED).asBoolean(false);
        return new AggregateStateAsOf(aggregateId, events.get(0).aggregateType(), last.sequence(), asOf,
                last.timestamp(), deleted, state);
    }
}
