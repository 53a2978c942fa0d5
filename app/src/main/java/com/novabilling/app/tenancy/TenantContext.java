package com.novabilling.app.tenancy;

import java.util.Optional;

/**
 * The tenant the current thread works for. Set by the authentication filter for a request and by the tenant's
 * own transaction manager for Axon work; always restored to the previous value, also when the work throws, so
 * a pooled thread never carries a tenant into its next task.
 */
public final class TenantContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static String require() {
        String tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("no tenant bound to this thread");
        }
        return tenant;
    }

    /** Binds {@code tenantId} until the returned scope is closed, which restores the previous binding. */
    public static Scope open(String tenantId) {
        String previous = CURRENT.get();
        if (tenantId == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(tenantId);
        }
        return new Scope(previous);
    }

    public static void runAs(String tenantId, Runnable work) {
        try (Scope ignored = open(tenantId)) {
            work.run();
        }
    }

    public static final class Scope implements AutoCloseable {
        private final String previous;
        private boolean closed;

        private Scope(String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
