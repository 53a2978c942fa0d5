package com.novabilling.app.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code staleAfter}: how long a registration may stay provisioning before the sweep takes it for abandoned (its
 * node died); long enough that a registration still running on another node is never swept.
 */
@ConfigurationProperties("novabilling.provisioning")
public record ProvisioningProperties(Duration staleAfter) {
}
