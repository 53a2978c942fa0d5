package com.novabilling.app.tenancy;

public class UnknownTenantException extends IllegalStateException {
    public UnknownTenantException(String tenantId) {
        super("tenant " + tenantId + " is not connected on this node");
    }
}
