package com.novabilling.app.auth;

import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.ProvisioningFailures;
import com.novabilling.app.tenancy.ProvisioningStep;
import com.novabilling.app.tenancy.TenantDataSources;
import com.novabilling.app.tenancy.TenantDatabaseTemplate;
import com.novabilling.app.tenancy.TenantProvisioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration is all-or-nothing: each provisioning step is failed in turn, and the catalog, the server's databases,
 * the pools and the Axon runtimes are read directly to prove nothing of the tenant was kept.
 */
class RegistrationAtomicityHttpTest extends IntegrationTest {

    private static final String CONTROL = "novabilling";
    private static final String PASSWORD = "securePassword123";

    @Autowired
    ProvisioningFailures failures;
    @Autowired
    TenantProvisioner provisioner;
    @Autowired
    TenantDatabaseTemplate template;
    @Autowired
    TenantRuntimeRegistry runtimes;
    @Autowired
    TenantDataSources dataSources;

    @ParameterizedTest
    @EnumSource(ProvisioningStep.class)
    void aFailureAfterAnyStepKeepsNothingAndTheSameEmailRegistersAfterwards(ProvisioningStep step) {
        String email = "atomic-" + step.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.com";
        failures.failAt(email, step);
        Api.Response failed;
        try {
            failed = register(email);
        } finally {
            failures.clear(email);
        }

        assertThat(failed.status()).as(failed.text()).isEqualTo(503);
        assertThat(Integer.parseInt(failed.header("Retry-After"))).isPositive();
        assertThat(failed.body().get("statusCode").asInt()).isEqualTo(503);
        assertThat(failed.body().get("error").asText()).isEqualTo("Service Unavailable");
        assertThat(failed.body().get("message").asText()).isEqualTo("The tenant could not be created; nothing was kept. Retry later");
        assertThat(failed.body().get("path").asText()).isEqualTo("/api/auth/register");
        assertThat(failed.text()).doesNotContain("injected").doesNotContain("nb_tenant_");

        String tenantId = failures.failedTenantId(email);
        assertThat(tenantId).as("the step was reached").isNotNull();
        assertThat(count(CONTROL, "SELECT count(*) FROM tenants WHERE lower(email) = lower('" + email + "')")).isZero();
        assertThat(count(CONTROL, "SELECT count(*) FROM tenants WHERE id = '" + tenantId + "'")).isZero();
        assertThat(count(CONTROL, "SELECT count(*) FROM api_keys WHERE tenant_id = '" + tenantId + "'")).isZero();
        assertThat(count(CONTROL, "SELECT count(*) FROM refresh_tokens WHERE tenant_id = '" + tenantId + "'")).isZero();
        assertThat(count("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + tenantDatabase(tenantId) + "'")).isZero();
        assertThat(dataSources.tenantIds()).doesNotContain(tenantId);
        assertThat(runtimes.tenantIds()).doesNotContain(tenantId);
        assertEveryTenantDatabaseHasItsCatalogRow();

        Api.Response retried = register(email);
        assertThat(retried.status()).as(retried.text()).isEqualTo(201);
        assertThat(retried.body().at("/tenant/id").asText()).isNotEqualTo(tenantId);
        assertThat(runtimes.tenantIds()).as("the runtime starts on the first request").doesNotContain(retried.body().at("/tenant/id").asText());
        Api.Response customer = api().post("/api/customers", retried.body().get("apiKey").asText(),
                Map.of("name", "Jane", "email", "jane@example.com"));
        assertThat(customer.status()).as(customer.text()).isEqualTo(201);
    }

    @Test
    void theSweepRemovesRegistrationsProvisioningLongerThanTheAgeAndLeavesYoungerOnes() throws Exception {
        String abandoned = UUID.randomUUID().toString();
        String inProgress = UUID.randomUUID().toString();
        String inProgressEmail = "in-progress-" + inProgress + "@example.com";
        insertProvisioningRow(abandoned, "abandoned-" + abandoned + "@example.com", Instant.now().minus(Duration.ofMinutes(11)));
        postgres.createDatabaseIfMissing(tenantDatabase(abandoned));
        insertProvisioningRow(inProgress, inProgressEmail, Instant.now().minus(Duration.ofMinutes(1)));
        postgres.createDatabaseIfMissing(tenantDatabase(inProgress));
        try {
            Api.Response duplicate = register(inProgressEmail);
            assertThat(duplicate.status()).as("a provisioning row reserves its email").isEqualTo(409);
            assertThat(api().post("/api/auth/login", null, Map.of("email", inProgressEmail, "password", PASSWORD)).status())
                    .as("a provisioning tenant cannot log in").isEqualTo(401);

            provisioner.sweepAbandoned();

            assertThat(count(CONTROL, "SELECT count(*) FROM tenants WHERE id = '" + abandoned + "'")).isZero();
            assertThat(postgres.databaseExists(tenantDatabase(abandoned))).isFalse();
            assertThat(count(CONTROL, "SELECT count(*) FROM tenants WHERE id = '" + inProgress + "'")).isOne();
            assertThat(postgres.databaseExists(tenantDatabase(inProgress))).isTrue();
        } finally {
            postgres.dropDatabaseIfExists(tenantDatabase(inProgress));
            try (Connection c = connect(CONTROL)) {
                c.createStatement().execute("DELETE FROM tenants WHERE id = '" + inProgress + "'");
            }
        }
    }

    @Test
    void aBusyTemplateFallsBackToAnEmptyDatabaseMigratedFromScratch() throws Exception {
        Api.Response registered;
        try (Connection holdingTheTemplate = connect(template.name().orElseThrow())) {
            assertThat(holdingTheTemplate.isValid(1)).isTrue();
            registered = register("busy-template-" + UUID.randomUUID() + "@example.com");
        }
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        Api.Response customer = api().post("/api/customers", registered.body().get("apiKey").asText(),
                Map.of("name", "Jane", "email", "jane@example.com"));
        assertThat(customer.status()).as(customer.text()).isEqualTo(201);
    }

    private Api.Response register(String email) {
        return api().post("/api/auth/register", null, Map.of("name", "Owner", "email", email, "password", PASSWORD, "companyName", "Atomic Co"));
    }

    private void insertProvisioningRow(String tenantId, String email, Instant startedAt) throws SQLException {
        try (Connection c = connect(CONTROL); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tenants (id, name, email, password_hash, slug, database_name, is_active, provisioning_started_at, created_at, updated_at)
                VALUES (?, 'Owner', ?, ?, ?, ?, FALSE, ?, ?, ?)
                """)) {
            Timestamp at = Timestamp.from(startedAt);
            ps.setString(1, tenantId);
            ps.setString(2, email);
            ps.setString(3, new BCryptPasswordEncoder(4).encode(PASSWORD));
            ps.setString(4, "provisioning-" + tenantId);
            ps.setString(5, tenantDatabase(tenantId));
            ps.setTimestamp(6, at);
            ps.setTimestamp(7, at);
            ps.setTimestamp(8, at);
            ps.executeUpdate();
        }
    }
}
