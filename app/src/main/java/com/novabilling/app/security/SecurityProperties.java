package com.novabilling.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code jwtClockSkew}: how far in the future an access token's issue time ({@code iat}) may lie and still be accepted.
 * {@code apiKeyCacheTtl}: how long a node reuses a successful API-key lookup; a key revoked on another node stops
 * working there after at most this long (on the revoking node at once). Zero turns the cache off.
 */
@ConfigurationProperties("novabilling.security")
public record SecurityProperties(String jwtSecret, String encryptionKey, Duration accessTokenTtl,
                                 Duration refreshTokenTtl, Duration resetTokenTtl, Duration jwtClockSkew,
                                 Duration apiKeyCacheTtl) {

    public SecurityProperties {
        if (jwtClockSkew == null) {
            jwtClockSkew = Duration.ofSeconds(60);
        }
        if (jwtClockSkew.isNegative()) {
            throw new IllegalArgumentException("novabilling.security.jwt-clock-skew must not be negative");
        }
        if (apiKeyCacheTtl == null) {
            apiKeyCacheTtl = Duration.ofSeconds(5);
        }
        if (apiKeyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("novabilling.security.api-key-cache-ttl must not be negative");
        }
    }
}
