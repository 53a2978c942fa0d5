package com.novabilling.command.usage;

/**
 * The tenant of the current request or command transaction, as a cache key. The application provides it from its
 * tenant context; the command side does not know how tenants are bound.
 */
@FunctionalInterface
public interface CurrentTenant {

    /** @throws IllegalStateException when no tenant is bound */
    String tenantId();
}
