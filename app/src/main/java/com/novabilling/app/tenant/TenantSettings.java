package com.novabilling.app.tenant;

import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.api.lateusage.LateUsagePolicy;

import java.math.BigDecimal;

/**
 * Tenant-wide settings kept with the tenant in the control database. The SMTP password is held only encrypted
 * ({@code passwordEncrypted}) and never returned. The default billing terms (docs/billing-rules.md §7) — tax rate and
 * name, net payment terms, invoice grace period — apply where a customer or plan sets none; they are 0 (no tax, due
 * on issue, finalized at once) until the tenant sets them, and {@code taxName} is null until then.
 * {@code emailInvoicesOnFinalization}: each invoice is e-mailed to its customer when it is finalized (null, as stored
 * before the setting existed, means false). {@code lateUsagePolicy}: where late usage of a finalized period is billed,
 * {@code next_invoice} (null, as stored before the setting existed) or {@code adjustment_invoice}.
 */
public record TenantSettings(String defaultCurrency, String timezone, Smtp smtp, BigDecimal taxRate, String taxName,
                             Integer netPaymentTerms, Integer invoiceGracePeriodDays,
                             Boolean emailInvoicesOnFinalization, LateUsagePolicy lateUsagePolicy) {

    public static TenantSettings defaults() {
        return new TenantSettings("USD", "UTC", null, BigDecimal.ZERO, null, 0, 0, null, null);
    }

    /** Settings without a late usage policy (next_invoice). */
    public TenantSettings(String defaultCurrency, String timezone, Smtp smtp, BigDecimal taxRate, String taxName,
                          Integer netPaymentTerms, Integer invoiceGracePeriodDays,
                          Boolean emailInvoicesOnFinalization) {
        this(defaultCurrency, timezone, smtp, taxRate, taxName, netPaymentTerms, invoiceGracePeriodDays,
                emailInvoicesOnFinalization, null);
    }

    /** Settings with no billing terms set (all 0) and no automatic e-mail. */
    public TenantSettings(String defaultCurrency, String timezone, Smtp smtp) {
        this(defaultCurrency, timezone, smtp, BigDecimal.ZERO, null, 0, 0, null, null);
    }

    /** The tenant's default billing terms, the last level of their precedence. */
    public BillingTerms billingTerms() {
        return new BillingTerms(taxRate == null ? BigDecimal.ZERO : taxRate, taxName,
                netPaymentTerms == null ? 0 : netPaymentTerms,
                invoiceGracePeriodDays == null ? 0 : invoiceGracePeriodDays);
    }

    /** Where late usage of a finalized period is billed (docs/billing-rules.md §16); null, as stored before: next_invoice. */
    public LateUsagePolicy lateUsagePolicyOrDefault() {
        return lateUsagePolicy == null ? LateUsagePolicy.NEXT_INVOICE : lateUsagePolicy;
    }

    /** Whether finalized invoices are e-mailed to their customers without being asked. */
    public boolean emailsInvoicesOnFinalization() {
        return Boolean.TRUE.equals(emailInvoicesOnFinalization);
    }

    public record Smtp(String host, Integer port, String username, String passwordEncrypted, String fromEmail,
                       String fromName, Boolean secure) {
    }
}
