package com.novabilling.app.tenant;

import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.command.subscription.TenantTimeZone;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The current tenant's time zone from its settings in the control database ({@code settings.timezone}, validated as
 * an IANA id when saved); UTC when the tenant has none or it no longer parses.
 */
@Component
public class SettingsTenantTimeZone implements TenantTimeZone {

    private static final String UTC = "UTC";

    private final TenantAccounts accounts;

    public SettingsTenantTimeZone(TenantAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String currentZoneId() {
        String zone = accounts.findById(TenantContext.require())
                .map(TenantAccount::settings)
                .map(TenantSettings::timezone)
                .orElse(null);
        if (zone == null || zone.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            return UTC;
        }
    }
}
