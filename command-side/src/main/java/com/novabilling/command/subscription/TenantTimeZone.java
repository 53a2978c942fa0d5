package com.novabilling.command.subscription;

/**
 * The time zone of the tenant of the current request, from its settings ({@code settings.timezone}), as an IANA id
 * such as {@code Africa/Nairobi}; {@code UTC} when the tenant has none. Calendar-anchored periods and day arithmetic
 * of a subscription use it, captured in the subscription's creation event (docs/billing-rules.md §10).
 */
public interface TenantTimeZone {

    String currentZoneId();
}
