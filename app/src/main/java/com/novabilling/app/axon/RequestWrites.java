package com.novabilling.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.ArrayList;
import java.util.List;

/**
 * The events the HTTP request on this thread has committed (its commands run on the request's thread), kept for the
 * rest of that request only: its read-back tells a projection's failure to apply them from a resource that is not
 * there. Outside a request (processors, sagas) nothing is kept.
 */
final class RequestWrites {

    /** One committed event: its identifier and payload type. */
    record WrittenEvent(String eventId, Class<?> payloadType) {
    }

    private static final String ATTRIBUTE = RequestWrites.class.getName();

    private RequestWrites() {
    }

    static void committed(List<? extends EventMessage<?>> events) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || events.isEmpty()) {
            return;
        }
        List<WrittenEvent> written = current(request);
        if (written == null) {
            written = new ArrayList<>();
            request.setAttribute(ATTRIBUTE, written, RequestAttributes.SCOPE_REQUEST);
        }
        for (EventMessage<?> event : events) {
            written.add(new WrittenEvent(event.getIdentifier(), event.getPayloadType()));
        }
    }

    /** The events this request has committed so far, oldest first. */
    static List<WrittenEvent> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        List<WrittenEvent> written = request == null ? null : current(request);
        return written == null ? List.of() : List.copyOf(written);
    }

    @SuppressWarnings("unchecked")
    private static List<WrittenEvent> current(RequestAttributes request) {
        return (List<WrittenEvent>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
