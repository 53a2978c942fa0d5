package com.novabilling.command.billingterms;

import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.api.lateusage.LateUsagePolicy;

/**
 * The current tenant's default billing terms from its settings ({@code settings.taxRate}, {@code taxName},
 * {@code netPaymentTerms}, {@code invoiceGracePeriodDays}, set with {@code PATCH /tenants/me}); {@link BillingTerms#NONE}
 * (all 0) until the tenant sets them. The settings live with the tenant in the control database, so the application
 * implements it, as it does {@code TenantTimeZone}.
 */
public interface TenantBillingDefaults {

    BillingTerms current();

    /**
     * The tenant's {@code settings.lateUsagePolicy} (docs/billing-rules.md §16): where late usage of a finalized
     * period is billed; {@code next_invoice} until the tenant sets it.
     */
    default LateUsagePolicy lateUsagePolicy() {
        return LateUsagePolicy.NEXT_INVOICE;
    }
}
