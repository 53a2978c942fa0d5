package com.novabilling.app.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("novabilling.mail")
public record MailProperties(String from, String publicUrl) {
}
