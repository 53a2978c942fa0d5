package com.novabilling.app.isolation;

import com.novabilling.app.NovaBillingApplication;
import com.novabilling.app.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the whole application (and its embedded PostgreSQL) and starts it again on the same data directory,
 * durable settings on, as the server runs in production: tenants, keys, events and read models are all back.
 */
class RestartDurabilityTest {

    @Test
    void tenantsAndTheirDataSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("novabilling-restart-");
        String tenantId;
        String apiKey;
        String customerId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = new Api(port(first));
            Api.Response reg = api.post("/api/auth/register", null, Map.of(
                    "name", "Restart Co", "email", "restart@example.com", "password", "securePassword123"));
            assertThat(reg.status()).isEqualTo(201);
            tenantId = reg.body().at("/tenant/id").asText();
            apiKey = reg.body().get("apiKey").asText();
            Api.Response created = api.post("/api/customers", apiKey, Map.of("name", "Jane", "email", "jane@example.com"));
            assertThat(created.status()).isEqualTo(201);
            customerId = created.body().get("id").asText();
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = new Api(port(second));
            Api.Response login = api.post("/api/auth/login", null, Map.of("email", "restart@example.com", "password", "securePassword123"));
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body().at("/tenant/id").asText()).isEqualTo(tenantId);
            Api.Response customer = api.get("/api/customers/" + customerId, apiKey);
            assertThat(customer.status()).isEqualTo(200);
            assertThat(customer.body().get("email").asText()).isEqualTo("jane@example.com");
            Api.Response update = api.patch("/api/customers/" + customerId, apiKey, Map.of("name", "Jane After Restart"));
            assertThat(update.status()).as("the aggregate is rebuilt from its events").isEqualTo(200);
            assertThat(update.body().get("name").asText()).isEqualTo("Jane After Restart");
            Api.Response duplicate = api.post("/api/customers", apiKey, Map.of("name", "Other", "email", "jane@example.com"));
            assertThat(duplicate.status()).as("the uniqueness lookup survived too").isEqualTo(409);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments, not builder defaults: application.yml would override those
        return new SpringApplicationBuilder(NovaBillingApplication.class).run(
                "--server.port=0",
                "--novabilling.data-dir=" + dataDir,
                "--novabilling.database.embedded-durable=true",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=1");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
