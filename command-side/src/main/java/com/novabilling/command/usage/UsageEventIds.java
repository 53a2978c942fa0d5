package com.novabilling.command.usage;

import com.novabilling.api.id.ResourceIds;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Usage event ids look like every id, {@code evt_} followed by 24 lower-case hex digits, but are time-ordered: 12
 * digits of the creation's epoch milliseconds, then 12 random ones (48 random bits). At tens of thousands of inserts
 * a second, ordered keys land on the right edge of the primary-key index instead of on random pages.
 */
public final class UsageEventIds {

    static final String PREFIX = "evt_";
    private static final HexFormat HEX = HexFormat.of();

    private UsageEventIds() {
    }

    public static String newId() {
        // 48 bits each, as 12 hex digits (the last 12 of 16); the random part only has to be unique, not secret
        long random = ThreadLocalRandom.current().nextLong();
        return PREFIX + HEX.toHexDigits(System.currentTimeMillis()).substring(4) + HEX.toHexDigits(random).substring(4);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a usage event id */
    public static void requireUsageEventId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Usage event");
    }
}
