package com.novabilling.app.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code allowedPrivateHosts}: host names, addresses or CIDR blocks a tenant's SMTP settings may point at although
 * they are loopback, private or link-local (an operator's own relay); everything else of that kind is refused.
 * The timeouts bound each step of a tenant SMTP conversation (connect; each read or write).
 */
@ConfigurationProperties("novabilling.mail")
public record MailProperties(String from, String publicUrl, List<String> allowedPrivateHosts,
                             Duration smtpConnectTimeout, Duration smtpReadTimeout) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public MailProperties {
        allowedPrivateHosts = allowedPrivateHosts == null ? List.of()
                : allowedPrivateHosts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        smtpConnectTimeout = positiveOr(smtpConnectTimeout, "smtp-connect-timeout");
        smtpReadTimeout = positiveOr(smtpReadTimeout, "smtp-read-timeout");
    }

    private static Duration positiveOr(Duration configured, String name) {
        if (configured == null) {
            return DEFAULT_TIMEOUT;
        }
        if (configured.isNegative() || configured.isZero() || configured.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("novabilling.mail." + name + " must be a positive duration, not " + configured);
        }
        return configured;
    }
}
