package com.novabilling.app.tenant;

import java.time.Instant;

/** A tenant as the control database knows it. */
public record TenantAccount(String id, String name, String email, String passwordHash, String slug, String companyName,
                            String databaseName, boolean active, TenantSettings settings, Integer rateLimitPerMinute,
                            int sessionVersion, Instant createdAt, Instant updatedAt) {

    /** The hash of a row still provisioning: no password matches it (not a bcrypt hash). */
    public static final String NO_PASSWORD_YET = "!provisioning";

    public TenantAccount withSlug(String newSlug) {
        return new TenantAccount(id, name, email, passwordHash, newSlug, companyName, databaseName, active, settings,
                rateLimitPerMinute, sessionVersion, createdAt, updatedAt);
    }

    public TenantAccount activated() {
        return new TenantAccount(id, name, email, passwordHash, slug, companyName, databaseName, true, settings,
                rateLimitPerMinute, sessionVersion, createdAt, updatedAt);
    }
}
