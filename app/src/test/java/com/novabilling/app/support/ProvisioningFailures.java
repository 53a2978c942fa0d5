package com.novabilling.app.support;

import com.novabilling.app.tenancy.ProvisioningStep;
import com.novabilling.app.tenancy.TenantProvisioningListener;
import com.novabilling.app.tenant.TenantAccount;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fails a chosen provisioning step, for registrations of one chosen e-mail only, so that every other test
 * registers as usual. Remembers the tenant id it failed, which the 503 answer does not tell.
 */
@Component
public class ProvisioningFailures implements TenantProvisioningListener {

    private final Map<String, ProvisioningStep> failAt = new ConcurrentHashMap<>();
    private final Map<String, String> failedTenantIds = new ConcurrentHashMap<>();

    public void failAt(String email, ProvisioningStep step) {
        failAt.put(email.toLowerCase(Locale.ROOT), step);
    }

    public void clear(String email) {
        failAt.remove(email.toLowerCase(Locale.ROOT));
    }

    public String failedTenantId(String email) {
        return failedTenantIds.get(email.toLowerCase(Locale.ROOT));
    }

    @Override
    public void reached(ProvisioningStep step, TenantAccount tenant) {
        String email = tenant.email().toLowerCase(Locale.ROOT);
        if (failAt.get(email) == step) {
            failedTenantIds.put(email, tenant.id());
            throw new IllegalStateException("injected failure after " + step);
        }
    }
}
