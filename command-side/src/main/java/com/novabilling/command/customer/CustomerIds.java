package com.novabilling.command.customer;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Customer ids look like {@code cus_} followed by 24 random lower-case hex digits (96 random bits). */
public final class CustomerIds {

    static final String PREFIX = "cus_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private CustomerIds() {
    }

    public static String newId() {
        byte[] randomBytes = new byte[12];
        RANDOM.nextBytes(randomBytes);
        return PREFIX + HEX.formatHex(randomBytes);
    }

    /**
     * Aggregate ids share one event store across types, so an id of another type (a plan's, say) must never be
     * loaded as a Customer.
     */
    public static boolean isCustomerId(String id) {
        return id != null && id.startsWith(PREFIX);
    }
}
