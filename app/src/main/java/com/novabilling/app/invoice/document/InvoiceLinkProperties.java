package com.novabilling.app.invoice.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Base64;

/**
 * Signed invoice PDF links ({@code novabilling.invoice-links}).
 *
 * @param ttl    how long a link works (default one hour)
 * @param secret base64 key (≥ 32 bytes) that signs the links; when unset, a key derived from the server's JWT
 *               secret, which every node of a cluster already shares
 */
@ConfigurationProperties("novabilling.invoice-links")
public record InvoiceLinkProperties(Duration ttl, String secret) {

    public InvoiceLinkProperties {
        if (ttl == null) {
            ttl = Duration.ofHours(1);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("novabilling.invoice-links.ttl must be a positive duration, not " + ttl);
        }
        if (secret != null && secret.isBlank()) {
            secret = null;
        }
        if (secret != null && Base64.getDecoder().decode(secret.trim()).length < 32) {
            throw new IllegalArgumentException("novabilling.invoice-links.secret must be at least 32 bytes (base64-encoded)");
        }
    }
}
