package com.novabilling.app.tenancy;

import com.novabilling.command.usage.CurrentTenant;
import org.springframework.stereotype.Component;

/** The command side's view of the tenant bound to this thread ({@link TenantContext}). */
@Component
public class BoundTenant implements CurrentTenant {

    @Override
    public String tenantId() {
        return TenantContext.require();
    }
}
