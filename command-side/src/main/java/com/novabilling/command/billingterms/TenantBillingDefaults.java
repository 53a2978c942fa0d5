package com.novabilling.command.billingterms;

import com.novabilling.api.invoice.BillingTerms;

/**
 * The current tenant's default billing terms from its settings ({@code settings.taxRate}, {@code taxName},
 * {@code netPaymentTerms}, {@code invoiceGracePeriodDays}, set with {@code PATCH /tenants/me}); {@link BillingTerms#NONE}
 * (all 0) until the tenant sets them. The settings live with the tenant in the control database, so the application
 * implements it, as it does {@code TenantTimeZone}.
 */
public interface TenantBillingDefaults {

    BillingTerms current();
}
