package com.novabilling.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("novabilling.security")
public record SecurityProperties(String jwtSecret, String encryptionKey, Duration accessTokenTtl,
                                 Duration refreshTokenTtl, Duration resetTokenTtl) {
}
