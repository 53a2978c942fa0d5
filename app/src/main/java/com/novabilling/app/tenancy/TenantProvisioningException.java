package com.novabilling.app.tenancy;

/** A registration failed after its tenant was reserved, and what it had created was removed: 503 with Retry-After. */
public class TenantProvisioningException extends RuntimeException {

    public static final int RETRY_AFTER_SECONDS = 5;

    private final String tenantId;

    public TenantProvisioningException(String tenantId, Throwable cause) {
        super("The tenant could not be created; nothing was kept. Retry later", cause);
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}
