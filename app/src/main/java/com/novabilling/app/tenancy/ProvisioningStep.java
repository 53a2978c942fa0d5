package com.novabilling.app.tenancy;

/** The steps of a registration, in order; {@link TenantProvisioningListener} hears each one completed. */
public enum ProvisioningStep {
    /** Catalog row inserted, inactive: email and slug are reserved. */
    RESERVED,
    /** The tenant's database exists (a copy of the template, or empty). */
    DATABASE_CREATED,
    /** Its schema is the latest. */
    MIGRATED,
    /** Its pool is open and a connection was proven. */
    POOL_VERIFIED,
    /** Row activated, first API key and session committed. The Axon runtime starts on the first request. */
    ACTIVATED
}
