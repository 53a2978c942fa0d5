package com.novabilling.app.tenant;

import java.time.Instant;

/** A tenant as the control database knows it. */
public record TenantAccount(String id, String name, String email, String passwordHash, String slug, String companyName,
                            String databaseName, boolean active, TenantSettings settings, Integer rateLimitPerMinute,
                            int sessionVersion, Instant createdAt, Instant updatedAt) {
}
