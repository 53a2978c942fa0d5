package com.novabilling.app.isolation;

import com.novabilling.app.NovaBillingApplication;
import com.novabilling.app.support.Api;
import com.novabilling.app.tenancy.TenantConnector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With spring.datasource.url the application starts no embedded database of its own: it uses that server for
 * the control database and creates each tenant's database there.
 */
class ExternalDatabaseTest {

    @Test
    void usesTheConfiguredServerAndCreatesTenantDatabasesOnIt() throws Exception {
        Path dataDir = Files.createTempDirectory("novabilling-external-");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/billing_control";
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NovaBillingApplication.class).run(
                    "--server.port=0", "--novabilling.data-dir=" + dataDir, "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres")) {
                Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
                Api.Response reg = api.post("/api/auth/register", null, Map.of(
                        "name", "External", "email", "external@example.com", "password", "securePassword123"));
                assertThat(reg.status()).isEqualTo(201);
                String tenantDb = TenantConnector.databaseNameFor(reg.body().at("/tenant/id").asText());
                assertThat(api.post("/api/customers", reg.body().get("apiKey").asText(),
                        Map.of("name", "Jane", "email", "jane@example.com")).status()).isEqualTo(201);

                try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
                     ResultSet rs = c.createStatement().executeQuery(
                             "SELECT datname FROM pg_database WHERE datname IN ('billing_control', '" + tenantDb + "') ORDER BY datname")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("billing_control");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(tenantDb);
                }
                try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", tenantDb));
                     ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM customers")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
                assertThat(Files.exists(dataDir.resolve("postgres"))).as("no embedded server was started").isFalse();
            }
        }
    }
}
