package com.novabilling.app.axon;

/**
 * A read right after a write found that a projection it reads could not apply the write's event, which now waits in
 * that projection's dead-letter queue. The write itself is stored: the API answers 202 Accepted with this message
 * (naming the projection and the event), so the client neither takes the missing read-back for a missing resource nor
 * repeats the write.
 */
public class ProjectionFailedException extends RuntimeException {

    private final String processor;
    private final String eventId;

    public ProjectionFailedException(String processor, String eventId, DeadLetterReason reason) {
        super("The change was saved, but the '" + processor + "' projection could not apply it (event " + eventId
                + "): " + reason.summary() + ". Reads do not show it until the projection's dead letter is retried "
                + "(see /api/admin/projections); do not repeat the request.", null, false, false);
        this.processor = processor;
        this.eventId = eventId;
    }

    public String processor() {
        return processor;
    }

    public String eventId() {
        return eventId;
    }
}
