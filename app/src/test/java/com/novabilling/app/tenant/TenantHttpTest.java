package com.novabilling.app.tenant;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.novabilling.app.security.RateLimitFilter;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TenantHttpTest extends IntegrationTest {

    @Autowired
    TenantAccounts tenants;
    @Autowired
    RateLimitFilter rateLimit;

    @Test
    void profileCanBeReadAndUpdated() {
        TestTenant t = registerTenant();
        Api.Response me = api().get("/api/tenants/me", t.accessToken());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("id").asText()).isEqualTo(t.id());
        assertThat(me.body().at("/settings/defaultCurrency").asText()).isEqualTo("USD");

        Api.Response patched = api().patch("/api/tenants/me", t.accessToken(), Map.of(
                "companyName", "Acme Kenya", "settings", Map.of("defaultCurrency", "kes", "timezone", "Africa/Nairobi")));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.body().get("companyName").asText()).isEqualTo("Acme Kenya");
        assertThat(patched.body().at("/settings/defaultCurrency").asText()).isEqualTo("KES");
        assertThat(patched.body().at("/settings/timezone").asText()).isEqualTo("Africa/Nairobi");
        assertThat(api().get("/api/tenants/me", t.accessToken()).body().get("companyName").asText()).isEqualTo("Acme Kenya");
    }

    @Test
    void invalidSettingsAndDuplicateEmailAreRefused() {
        TestTenant t = registerTenant();
        TestTenant other = registerTenant();
        Api.Response bad = api().patch("/api/tenants/me", t.accessToken(), Map.of(
                "settings", Map.of("defaultCurrency", "JPY", "timezone", "Mars/Olympus")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().findValuesAsText("field")).contains("settings.defaultCurrency", "settings.timezone");

        Api.Response badPort = api().patch("/api/tenants/me", t.accessToken(), Map.of("settings", Map.of("smtp", Map.of("port", 70000))));
        assertThat(badPort.status()).isEqualTo(400);
        assertThat(badPort.body().at("/errors/0/field").asText()).isEqualTo("settings.smtp.port");

        Api.Response taken = api().patch("/api/tenants/me", t.accessToken(), Map.of("email", other.email()));
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void smtpPasswordIsEncryptedAtRestAndNeverEchoed() {
        TestTenant t = registerTenant();
        Api.Response r = api().patch("/api/tenants/me", t.accessToken(), Map.of("settings", Map.of("smtp", Map.of(
                "host", "127.0.0.1", "port", MAIL.getSmtp().getPort(), "username", "mailer", "password", "s3cret-Pa55",
                "fromEmail", "billing@acme.test", "fromName", "Acme Billing", "secure", false))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).doesNotContain("s3cret-Pa55");
        assertThat(r.body().at("/settings/smtp/passwordSet").asBoolean()).isTrue();
        assertThat(r.body().at("/settings/smtp/host").asText()).isEqualTo("127.0.0.1");
        String stored = tenants.findById(t.id()).orElseThrow().settings().smtp().passwordEncrypted();
        assertThat(stored).startsWith("v1:").doesNotContain("s3cret");
    }

    @Test
    void smtpTestSendsARealMailOrSaysPlainlyWhyNot() throws Exception {
        TestTenant t = registerTenant();
        assertThat(api().post("/api/tenants/me/smtp/test", t.accessToken(), Map.of()).status()).as("not configured").isEqualTo(400);

        api().patch("/api/tenants/me", t.accessToken(), Map.of("settings", Map.of("smtp", Map.of(
                "host", "127.0.0.1", "port", MAIL.getSmtp().getPort(), "fromEmail", "billing@acme.test", "secure", false))));
        String to = "smtp-test-" + UUID.randomUUID() + "@acme.test";
        Api.Response ok = api().post("/api/tenants/me/smtp/test", t.accessToken(), Map.of("to", to));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("success").asBoolean()).as(ok.text()).isTrue();
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> recipient(m).equals(to))).isTrue();

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        api().patch("/api/tenants/me", t.accessToken(), Map.of("settings", Map.of("smtp", Map.of("port", closedPort))));
        Api.Response failed = api().post("/api/tenants/me/smtp/test", t.accessToken(), Map.of("to", to));
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body().get("success").asBoolean()).isFalse();
        assertThat(failed.body().get("error").asText()).isEqualTo("could not connect to 127.0.0.1:" + closedPort + " within 5 s");
        assertThat(failed.text()).doesNotContainPattern("(?i)exception|java\\.|jakarta|angus|refused|timed? ?out");
    }

    @Test
    void smtpHostsOnTheServersOwnNetworksAreRefusedNamingTheHost() {
        TestTenant t = registerTenant();
        Api.Response allowed = api().patch("/api/tenants/me", t.accessToken(), Map.of("settings", Map.of("smtp", Map.of(
                "host", "127.0.0.1", "port", MAIL.getSmtp().getPort(), "fromEmail", "billing@acme.test", "secure", false))));
        assertThat(allowed.status()).as("127.0.0.1 is allowed by this test configuration (GreenMail)").isEqualTo(200);

        for (String host : List.of("127.0.0.2", "::1", "[::1]", "::ffff:127.0.0.3", "10.0.0.1", "172.16.0.1", "192.168.1.10",
                "169.254.169.254", "fe80::1", "fd00::1", "0.0.0.0", "100.64.0.1", "224.0.0.1", "2130706434")) {
            Api.Response refused = api().patch("/api/tenants/me", t.accessToken(),
                    Map.of("settings", Map.of("smtp", Map.of("host", host))));
            assertThat(refused.badRequestFields()).as(host).containsExactly("settings.smtp.host");
            assertThat(refused.body().at("/errors/0/message").asText()).as(host).contains("public internet");
            assertThat(refused.text()).doesNotContainPattern("(?i)exception|java\\.");
        }
        Api.Response unknown = api().patch("/api/tenants/me", t.accessToken(),
                Map.of("settings", Map.of("smtp", Map.of("host", "smtp.nowhere.invalid"))));
        assertThat(unknown.badRequestFields()).containsExactly("settings.smtp.host");
        assertThat(unknown.body().at("/errors/0/message").asText()).contains("could not be resolved");

        assertThat(api().get("/api/tenants/me", t.accessToken()).body().at("/settings/smtp/host").asText())
                .as("refused hosts are not stored").isEqualTo("127.0.0.1");
    }

    @Test
    void anInternalHostAlreadyStoredIsRefusedWhenMailIsSent() {
        TestTenant t = registerTenant();
        TenantAccount account = tenants.findById(t.id()).orElseThrow();
        // as if saved before the rule, or before the operator withdrew an allowance
        tenants.updateProfile(t.id(), account.name(), account.email(), account.companyName(), new TenantSettings("USD", "UTC",
                new TenantSettings.Smtp("169.254.169.254", 25, null, null, "billing@acme.test", null, false)));
        Api.Response refused = api().post("/api/tenants/me/smtp/test", t.accessToken(), Map.of());
        assertThat(refused.badRequestFields()).containsExactly("settings.smtp.host");
        assertThat(refused.body().at("/errors/0/message").asText()).contains("169.254.169.254 is a link-local address");
    }

    @Test
    void apiKeysAreShownOnceListedMaskedAndRevokedAtOnce() {
        TestTenant t = registerTenant();
        Api.Response created = api().post("/api/tenants/me/api-keys", t.accessToken(), Map.of("name", "CI"));
        assertThat(created.status()).isEqualTo(201);
        String key = created.body().get("key").asText();
        String id = created.body().get("id").asText();
        assertThat(key).startsWith("sk_live_");
        assertThat(created.body().get("lastFour").asText()).isEqualTo(key.substring(key.length() - 4));

        assertThat(api().get("/api/audit/events", key).status()).as("new key works").isNotEqualTo(401);

        Api.Response list = api().get("/api/tenants/me/api-keys", t.accessToken());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("data")).hasSize(2);
        assertThat(list.text()).doesNotContain(key).doesNotContain(t.apiKey());
        assertThat(list.body().at("/data/0/prefix").asText()).isEqualTo("sk_live_");

        assertThat(api().delete("/api/tenants/me/api-keys/" + id, t.accessToken()).status()).isEqualTo(200);
        Api.Response afterRevoke = api().get("/api/audit/events", key);
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(api().delete("/api/tenants/me/api-keys/" + id, t.accessToken()).status()).isEqualTo(409);
        assertThat(api().delete("/api/tenants/me/api-keys/key_unknown", t.accessToken()).status()).isEqualTo(404);

        TestTenant other = registerTenant();
        Api.Response foreign = api().delete("/api/tenants/me/api-keys/" + id, other.accessToken());
        assertThat(foreign.status()).as("another tenant's key is not found").isEqualTo(404);
    }

    @Test
    void eachRouteTakesOnlyItsKindOfCredential() {
        TestTenant t = registerTenant();
        Api.Response keyOnJwtRoute = api().get("/api/tenants/me", t.apiKey());
        assertThat(keyOnJwtRoute.status()).isEqualTo(401);
        assertThat(keyOnJwtRoute.body().get("message").asText()).contains("JWT");
        Api.Response jwtOnDataRoute = api().get("/api/audit/events", t.accessToken());
        assertThat(jwtOnDataRoute.status()).isEqualTo(401);
        assertThat(jwtOnDataRoute.body().get("message").asText()).contains("API key");
        assertThat(api().get("/api/tenants/me", null).status()).isEqualTo(401);
        assertThat(api().get("/api/tenants/me", "not.a.jwt").status()).isEqualTo(401);
        assertThat(api().get("/api/audit/events", "sk_live_forged").status()).isEqualTo(401);
    }

    @Test
    void usageCountsComeFromTheTenantsOwnData() {
        TestTenant t = registerTenant();
        for (int i = 0; i < 3; i++) {
            api().get("/api/audit/events", t.apiKey());
        }
        Api.Response usage = api().get("/api/tenants/me/usage", t.accessToken());
        assertThat(usage.status()).as(usage.text()).isEqualTo(200);
        assertThat(usage.body().at("/requests/today").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(usage.body().at("/apiKeys/active").asInt()).isEqualTo(1);
        assertThat(usage.body().at("/resources/customers").asLong()).isZero();
        assertThat(usage.body().get("resources").fieldNames()).toIterable().containsExactly("customers", "plans",
                "coupons", "applied_coupons", "addons", "applied_addons", "billable_metrics", "charges");
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        TestTenant t = registerTenant();
        tenants.setRateLimit(t.id(), 5);
        rateLimit.refreshLimits();
        int last = 0;
        Api.Response limited = null;
        for (int i = 0; i < 6; i++) {
            limited = api().get("/api/tenants/me", t.accessToken());
            last = limited.status();
        }
        assertThat(last).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.body().get("statusCode").asInt()).isEqualTo(429);

        TestTenant other = registerTenant();
        assertThat(api().get("/api/tenants/me", other.accessToken()).status()).as("limits are per tenant").isEqualTo(200);
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return GreenMailUtil.getHeaders(m);
        }
    }
}
