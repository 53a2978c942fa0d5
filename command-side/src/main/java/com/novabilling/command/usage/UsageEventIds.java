package com.novabilling.command.usage;

import com.novabilling.api.id.ResourceIds;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Usage event ids look like every id, {@code evt_} followed by 24 lower-case hex digits, but are time-ordered: 12
 * digits of the creation's epoch milliseconds, then 12 random ones (48 random bits). At tens of thousands of inserts
 * a second, ordered keys land on the right edge of the primary-key index instead of on random pages.
 */
public final class UsageEventIds {

    static final String PREFIX = "evt_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private UsageEventIds() {
    }

    public static String newId() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return PREFIX + String.format("%012x", System.currentTimeMillis()) + HEX.formatHex(random);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a usage event id */
    public static void requireUsageEventId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Usage event");
    }
}
