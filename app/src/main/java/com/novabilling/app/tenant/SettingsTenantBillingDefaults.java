package com.novabilling.app.tenant;

import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.api.lateusage.LateUsagePolicy;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.command.billingterms.TenantBillingDefaults;
import org.springframework.stereotype.Component;

/**
 * The current tenant's default billing terms from its settings in the control database ({@code settings.taxRate},
 * {@code taxName}, {@code netPaymentTerms}, {@code invoiceGracePeriodDays}, validated when saved);
 * {@link BillingTerms#NONE} for a tenant that has set none; and its {@code settings.lateUsagePolicy}.
 */
@Component
public class SettingsTenantBillingDefaults implements TenantBillingDefaults {

    private final TenantAccounts accounts;

    public SettingsTenantBillingDefaults(TenantAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public BillingTerms current() {
        return accounts.findById(TenantContext.require())
                .map(account -> account.settings().billingTerms())
                .orElse(BillingTerms.NONE);
    }

    @Override
    public LateUsagePolicy lateUsagePolicy() {
        return accounts.findById(TenantContext.require())
                .map(account -> account.settings().lateUsagePolicyOrDefault())
                .orElse(LateUsagePolicy.NEXT_INVOICE);
    }
}
