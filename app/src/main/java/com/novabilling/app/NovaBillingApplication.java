package com.novabilling.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(scanBasePackages = "com.novabilling")
@ConfigurationPropertiesScan("com.novabilling")
@EntityScan("com.novabilling")
@EnableJpaRepositories("com.novabilling")
@EnableScheduling
public class NovaBillingApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(NovaBillingApplication.class, args);
    }
}
