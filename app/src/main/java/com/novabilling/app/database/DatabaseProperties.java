package com.novabilling.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("novabilling.database")
public record DatabaseProperties(boolean embeddedDurable,
                                 int embeddedPort,
                                 String controlDatabase,
                                 int tenantPoolSize,
                                 int controlPoolSize) {
}
