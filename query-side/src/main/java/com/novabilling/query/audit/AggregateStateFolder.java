package com.novabilling.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rebuilds the state of one kind of aggregate from its stored events, for audit and "as of" reads. Kept apart from
 * the aggregates themselves: a pure function of the previous state and the next event's JSON payload, which must
 * not modify its arguments. Spring beans implementing this interface take precedence over
 * {@link JsonMergeStateFolder} for the aggregate types they support.
 */
public interface AggregateStateFolder {

    /** Whether this folder knows the events of aggregates of this type (simple class name, as stored by Axon). */
    boolean supports(String aggregateType);

    /**
     * The state after applying one event.
     *
     * @param state     the state so far; empty before the aggregate's first event
     * @param eventType simple class name of the event's payload, such as {@code CustomerCreatedEvent}
     * @param payload   the event's payload as stored
     */
    ObjectNode evolve(ObjectNode state, String eventType, JsonNode payload);
}
