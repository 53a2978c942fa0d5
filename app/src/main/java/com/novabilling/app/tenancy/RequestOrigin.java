package com.novabilling.app.tenancy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who is acting and why, for the current request or job: stamped as metadata on every command and, through the
 * correlation providers, on every event it causes — so the event store doubles as the audit trail.
 */
public record RequestOrigin(String actorType, String actorId, String requestId, String correlationId) {

    public static final String TENANT_ID = "tenantId";
    public static final String ACTOR_TYPE = "actorType";
    public static final String ACTOR = "actor";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";

    private static final ThreadLocal<RequestOrigin> CURRENT = new ThreadLocal<>();

    public static Optional<RequestOrigin> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(RequestOrigin origin) {
        CURRENT.set(origin);
    }

    public static void clear() {
        CURRENT.remove();
    }

    public RequestOrigin withActor(String type, String id) {
        return new RequestOrigin(type, id, requestId, correlationId);
    }

    public Map<String, String> asMetaData(String tenantId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TENANT_ID, tenantId);
        if (actorType != null) m.put(ACTOR_TYPE, actorType);
        if (actorId != null) m.put(ACTOR, actorId);
        if (requestId != null) m.put(REQUEST_ID, requestId);
        if (correlationId != null) m.put(CORRELATION_ID, correlationId);
        return m;
    }
}
