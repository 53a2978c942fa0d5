package com.novabilling.app.axon;

import java.time.Instant;

/**
 * An event waiting in a projection's dead-letter queue.
 *
 * @param eventId        the event's identifier
 * @param eventType      its payload type, e.g. {@code CustomerCreatedEvent}
 * @param aggregateType  the type of aggregate that applied it, null for an event of none
 * @param aggregateId    that aggregate's identifier
 * @param sequenceNumber the event's sequence number within its aggregate
 * @param sequenceId     the queue's sequence the letter belongs to (the aggregate identifier): later events of it
 *                       wait behind this one
 * @param position       the event's global index in the tenant's event store
 * @param error          why it is here, in our words
 * @param cause          the failure's own message (the database's, or the handler's); null when queued behind
 * @param enqueuedAt     when it was first dead-lettered
 * @param lastTriedAt    when it was last dead-lettered or retried
 * @param retries        how often a retry has failed
 */
public record ProjectionDeadLetter(String eventId,
                                   String eventType,
                                   String aggregateType,
                                   String aggregateId,
                                   Long sequenceNumber,
                                   String sequenceId,
                                   Long position,
                                   String error,
                                   String cause,
                                   Instant enqueuedAt,
                                   Instant lastTriedAt,
                                   int retries) {
}
