package com.novabilling.billing.invoice;

import com.novabilling.rating.UsageEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The digest a USAGE line carries so audit can re-derive it: SHA-256, in lower-case hex, of the transaction ids of the
 * events the line priced, in ledger (ingestion) order, each followed by a line feed. No events: the digest of nothing.
 */
public final class UsageDigest {

    private UsageDigest() {
    }

    /** The digest of {@code transactionIds}, already in ledger order. */
    public static String ofTransactionIds(List<String> transactionIds) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (String id : transactionIds) {
            sha256.update(id.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The digest of {@code events}, put in ledger order first. */
    public static String ofEvents(List<UsageEvent> events) {
        return ofTransactionIds(events.stream()
                .sorted(Comparator.comparingLong(UsageEvent::ingestionOrder))
                .map(UsageEvent::transactionId)
                .toList());
    }
}
