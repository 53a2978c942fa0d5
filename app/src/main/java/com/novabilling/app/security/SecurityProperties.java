package com.novabilling.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code jwtClockSkew}: how far in the future an access token's issue time ({@code iat}) may lie and still be accepted. */
@ConfigurationProperties("novabilling.security")
public record SecurityProperties(String jwtSecret, String encryptionKey, Duration accessTokenTtl,
                                 Duration refreshTokenTtl, Duration resetTokenTtl, Duration jwtClockSkew) {

    public SecurityProperties {
        if (jwtClockSkew == null) {
            jwtClockSkew = Duration.ofSeconds(60);
        }
        if (jwtClockSkew.isNegative()) {
            throw new IllegalArgumentException("novabilling.security.jwt-clock-skew must not be negative");
        }
    }
}
