package com.novabilling.app.tenant;

/**
 * Tenant-wide settings kept with the tenant in the control database. The SMTP password is held only encrypted
 * ({@code passwordEncrypted}) and never returned.
 */
public record TenantSettings(String defaultCurrency, String timezone, Smtp smtp) {

    public static TenantSettings defaults() {
        return new TenantSettings("USD", "UTC", null);
    }

    public record Smtp(String host, Integer port, String username, String passwordEncrypted, String fromEmail,
                       String fromName, Boolean secure) {
    }
}
