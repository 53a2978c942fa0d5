package com.novabilling.app.tenant;

import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.api.lateusage.LateUsagePolicy;

import java.math.BigDecimal;
import java.time.Instant;

/** GET/PATCH /tenants/me: the tenant with its settings; the SMTP password is never echoed, only whether one is set. */
public record TenantProfile(String id, String name, String email, String slug, String companyName, boolean isActive,
                            Instant createdAt, Instant updatedAt, Settings settings) {

    /** The default billing terms are 0 (taxName null) until the tenant sets them. */
    public record Settings(String defaultCurrency, String timezone, Smtp smtp, BigDecimal taxRate, String taxName,
                           int netPaymentTerms, int invoiceGracePeriodDays, boolean emailInvoicesOnFinalization,
                           LateUsagePolicy lateUsagePolicy) {
    }

    public record Smtp(String host, Integer port, String username, boolean passwordSet, String fromEmail, String fromName,
                       Boolean secure) {
    }

    public static TenantProfile of(TenantAccount t) {
        TenantSettings.Smtp smtp = t.settings().smtp();
        BillingTerms terms = t.settings().billingTerms();
        return new TenantProfile(t.id(), t.name(), t.email(), t.slug(), t.companyName(), t.active(), t.createdAt(),
                t.updatedAt(), new Settings(t.settings().defaultCurrency(), t.settings().timezone(), smtp == null ? null
                : new Smtp(smtp.host(), smtp.port(), smtp.username(), smtp.passwordEncrypted() != null, smtp.fromEmail(),
                smtp.fromName(), smtp.secure()), terms.taxRate(), terms.taxName(), terms.netPaymentTerms(),
                terms.invoiceGracePeriodDays(), t.settings().emailsInvoicesOnFinalization(),
                t.settings().lateUsagePolicyOrDefault()));
    }
}
