package com.novabilling.api.id;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import com.novabilling.api.error.NotFoundException;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Resource ids are a type prefix ({@code cus_}, {@code pln_}, …) followed by 24 random lower-case hex digits
 * (96 random bits). Aggregates of all types share one event store, so the prefix is what keeps a plan's id from
 * ever being loaded as a customer.
 */
public final class ResourceIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private ResourceIds() {
    }

    public static String newId(String prefix) {
        byte[] randomBytes = new byte[12];
        RANDOM.nextBytes(randomBytes);
        return prefix + HEX.formatHex(randomBytes);
    }

    /**
     * An id derived from a natural key (the first 96 bits of the key's SHA-256): every command about the same key
     * addresses the same aggregate, so only the first creates it. For resources that exist once per fact, such as a
     * subscription's invoice at a boundary.
     */
    public static String derivedId(String prefix, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return prefix + HEX.formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static boolean hasPrefix(String id, String prefix) {
        return id != null && id.startsWith(prefix) && id.length() > prefix.length();
    }

    /**
     * An id without the resource's prefix cannot name one of its resources; it is answered like a missing id.
     *
     * @throws NotFoundException naming the resource and the id
     */
    public static void requirePrefix(String id, String prefix, String resource) {
        if (!hasPrefix(id, prefix)) {
            throw new NotFoundException(resource, id);
        }
    }
}
