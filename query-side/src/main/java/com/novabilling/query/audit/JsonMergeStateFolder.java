package com.novabilling.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The fallback folder for aggregates without a folder of their own: the first event's payload is the initial
 * state, each later event overwrites the top-level fields it carries with a non-null value (nested objects are
 * replaced whole, not merged), and an event whose type ends in {@code DeletedEvent} marks the state
 * {@code deleted: true}.
 */
public final class JsonMergeStateFolder implements AggregateStateFolder {

    public static final String DELETED = "deleted";
    private static final String DELETED_EVENT_SUFFIX = "DeletedEvent";

    @Override
    public boolean supports(String aggregateType) {
        return true;
    }

    @Override
    public ObjectNode evolve(ObjectNode state, String eventType, JsonNode payload) {
        ObjectNode next = state.deepCopy();
        if (payload instanceof ObjectNode fields) {
            if (state.isEmpty()) {
                next.setAll(fields.deepCopy());
            } else {
                for (Map.Entry<String, JsonNode> field : fields.properties()) {
                    if (!field.getValue().isNull()) {
                        next.set(field.getKey(), field.getValue().deepCopy());
                    }
                }
            }
        }
        if (eventType != null && eventType.endsWith(DELETED_EVENT_SUFFIX)) {
            next.put(DELETED, true);
        }
        return next;
    }
}
