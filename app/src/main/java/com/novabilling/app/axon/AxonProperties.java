package com.novabilling.app.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("novabilling.axon")
public record AxonProperties(int processorBatchSize, Duration readYourWritesTimeout) {
}
