package com.novabilling.app.tenancy;

import com.novabilling.app.tenant.TenantAccount;

/**
 * Hears each provisioning step a registration completes. An exception thrown here fails the registration at that
 * step, which is how the tests prove that every step is undone.
 */
public interface TenantProvisioningListener {

    void reached(ProvisioningStep step, TenantAccount tenant);
}
