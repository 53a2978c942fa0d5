package com.novabilling.app.invoice.document;

import com.novabilling.app.mail.MailProperties;
import com.novabilling.app.security.ServerSecrets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed links to invoice PDFs that work without an API key until they expire:
 * {@code <public-url>/api/public/invoices/<token>.pdf}. The token is base64url of
 * {@code tenantId \n invoiceId \n expiry (epoch seconds)} followed by its HMAC-SHA256 under a server key; the key is
 * {@code novabilling.invoice-links.secret} or, when that is unset, derived from the server's JWT secret (so nodes
 * that share it accept each other's links). Signatures are compared in constant time.
 * <p>
 * The expiry is read on the injected clock, which reads the tenant's own (test) clock when the tenant is bound: a
 * link is checked with the tenant bound, after its signature has proven which tenant it names.
 */
@Component
public class InvoiceLinks {

    /** The public route's prefix, with the application's {@code /api}. */
    public static final String PATH = "/api/public/invoices/";
    public static final String SUFFIX = ".pdf";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_LENGTH = 32;
    private static final int MAX_TOKEN_LENGTH = 2048;
    private static final byte[] DERIVATION_LABEL = "novabilling invoice pdf links v1".getBytes(StandardCharsets.UTF_8);

    /** What an authentic token says: whose invoice, and until when the link works. */
    public record Claims(String tenantId, String invoiceId, Instant expiresAt) {
    }

    private final byte[] key;
    private final Duration ttl;
    private final String baseUrl;
    private final Clock clock;

    @Autowired
    public InvoiceLinks(InvoiceLinkProperties properties, ServerSecrets secrets, MailProperties mail, Clock clock) {
        this(properties.secret() != null ? Base64.getDecoder().decode(properties.secret().trim())
                : hmac(secrets.jwtKey(), DERIVATION_LABEL), properties.ttl(), mail.publicUrl(), clock);
    }

    InvoiceLinks(byte[] key, Duration ttl, String publicUrl, Clock clock) {
        this.key = key.clone();
        this.ttl = ttl;
        String base = publicUrl == null ? "" : publicUrl.strip();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.clock = clock;
    }

    /** A link to the tenant's invoice that expires after the configured time (whole seconds). */
    public InvoicePdfLink sign(String tenantId, String invoiceId) {
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        return new InvoicePdfLink(baseUrl + PATH + token(tenantId, invoiceId, expiresAt) + SUFFIX, expiresAt);
    }

    /** The token of a link to the invoice that expires at {@code expiresAt}. */
    public String token(String tenantId, String invoiceId, Instant expiresAt) {
        for (String id : new String[] {tenantId, invoiceId}) {
            if (id == null || id.isEmpty() || id.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("an id of a signed link must be non-empty and on one line");
            }
        }
        byte[] payload = (tenantId + "\n" + invoiceId + "\n" + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8);
        byte[] signed = ByteBuffer.allocate(payload.length + MAC_LENGTH).put(payload).put(hmac(key, payload)).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /**
     * The claims of a token this server signed, whether or not it has expired; empty for anything else (malformed,
     * tampered, signed with another key). Reads no clock and no database.
     */
    public Optional<Claims> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (signed.length <= MAC_LENGTH) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOfRange(signed, 0, signed.length - MAC_LENGTH);
        byte[] mac = Arrays.copyOfRange(signed, signed.length - MAC_LENGTH, signed.length);
        if (!MessageDigest.isEqual(hmac(key, payload), mac)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claims(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (RuntimeException e) { // only a token this key signed gets here: never in practice
            return Optional.empty();
        }
    }

    /** Whether the link has not yet expired, on the clock (the tenant's, when the tenant is bound). */
    public boolean unexpired(Claims claims) {
        return clock.instant().isBefore(claims.expiresAt());
    }

    /** The claims of an authentic token that has not expired. */
    public Optional<Claims> verify(String token) {
        return authenticate(token).filter(this::unexpired);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
