package com.novabilling.app.tenant;

import java.time.Instant;

/** The tenant as returned by register and login. */
public record TenantView(String id, String name, String email, String slug, String companyName, boolean isActive,
                         Instant createdAt) {

    public static TenantView of(TenantAccount t) {
        return new TenantView(t.id(), t.name(), t.email(), t.slug(), t.companyName(), t.active(), t.createdAt());
    }
}
