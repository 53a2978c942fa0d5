package com.novabilling.query.audit;

import com.novabilling.api.error.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/**
 * Rebuilds an aggregate's state at a past instant from the event store, always from its first event (snapshots
 * describe only the latest state). Unknown ids, other tenants' ids and instants before creation all read as missing.
 */
@Service
public class AggregateAsOfReader {

    private final AuditEventRepository events;
    private final AggregateStateFolders folders;

    public AggregateAsOfReader(AuditEventRepository events, AggregateStateFolders folders) {
        this.events = events;
        this.folders = folders;
    }

    public AggregateStateAsOf stateAsOf(String aggregateId, Instant asOf) {
        List<AuditEvent> history = events.eventsOfAggregate(aggregateId, asOf);
        if (history.isEmpty()) {
            throw new NotFoundException("Aggregate", aggregateId);
        }
        String aggregateType = history.get(0).aggregateType();
        return AggregateStateAsOf.fold(aggregateId, asOf, history, folders.folderFor(aggregateType));
    }
}
