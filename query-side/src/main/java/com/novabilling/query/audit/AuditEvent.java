package com.novabilling.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as the audit trail shows it. {@code aggregateType}, {@code aggregateId} and {@code sequence}
 * are null for events not published by an aggregate.
 */
public record AuditEvent(String eventId,
                         long globalIndex,
                         String type,
                         String payloadType,
                         String aggregateType,
                         String aggregateId,
                         Long sequence,
                         Instant timestamp,
                         Actor actor,
                         String requestId,
                         String correlationId,
                         JsonNode metadata,
                         JsonNode payload) {

    /** Who caused the event: {@code type} is api_key, user or system; {@code id} the API key or user id. */
    public record Actor(String type, String id) {
    }
}
