package com.novabilling.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Server-wide limits; the defaults are the seed's values. A tenant's own rate limit overrides the server's. */
@ConfigurationProperties("novabilling.limits")
public record LimitsProperties(int requestsPerMinute, long maxBodyBytes) {
}
