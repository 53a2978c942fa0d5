package com.novabilling.app.tenant;

/**
 * Tenant-wide settings kept with the tenant in the control database. The SMTP password is held only encrypted
 * ({@code passwordEncrypted}) and never returned. {@code emailInvoicesOnFinalization}: each invoice is e-mailed to
 * its customer when it is finalized (null, as stored before the setting existed, means false).
 */
public record TenantSettings(String defaultCurrency, String timezone, Smtp smtp, Boolean emailInvoicesOnFinalization) {

    public TenantSettings(String defaultCurrency, String timezone, Smtp smtp) {
        this(defaultCurrency, timezone, smtp, null);
    }

    public static TenantSettings defaults() {
        return new TenantSettings("USD", "UTC", null);
    }

    /** Whether finalized invoices are e-mailed to their customers without being asked. */
    public boolean emailsInvoicesOnFinalization() {
        return Boolean.TRUE.equals(emailInvoicesOnFinalization);
    }

    public record Smtp(String host, Integer port, String username, String passwordEncrypted, String fromEmail,
                       String fromName, Boolean secure) {
    }
}
