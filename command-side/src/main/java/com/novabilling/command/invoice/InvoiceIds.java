package com.novabilling.command.invoice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import com.novabilling.api.id.ResourceIds;

/** Invoice ids look like {@code inv_} followed by 24 random lower-case hex digits. */
public final class InvoiceIds {

    static final String PREFIX = "inv_";

    private InvoiceIds() {
    }

    public static String newId() {
        return ResourceIds.newId(PREFIX);
    }

    /**
     * The id of a subscription's recurring invoice at a boundary instant: derived from the pair (the first 96 bits of
     * its SHA-256), so that every trigger for the same boundary addresses the same invoice and only the first creates
     * it (docs/billing-rules.md §13.1, pitfall 2).
     */
    public static String atBoundary(String subscriptionId, Instant boundary) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (subscriptionId + "@" + boundary).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be an invoice id */
    public static void requireInvoiceId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Invoice");
    }
}
