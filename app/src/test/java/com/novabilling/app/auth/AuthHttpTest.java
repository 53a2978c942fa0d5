package com.novabilling.app.auth;

import com.novabilling.app.security.ServerSecrets;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AuthHttpTest extends IntegrationTest {

    @Autowired
    ServerSecrets serverSecrets;

    @Test
    void registerReturnsTenantApiKeyAndTokens() {
        String email = "john-" + UUID.randomUUID() + "@company.com";
        Api.Response r = api().post("/api/auth/register", null, Map.of(
                "name", "John Doe", "email", email, "password", "securePassword123", "companyName", "Acme Corp"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().at("/tenant/name").asText()).isEqualTo("John Doe");
        assertThat(r.body().at("/tenant/email").asText()).isEqualTo(email);
        assertThat(r.body().at("/tenant/companyName").asText()).isEqualTo("Acme Corp");
        assertThat(r.body().at("/tenant/slug").asText()).startsWith("acme-corp");
        assertThat(r.body().at("/tenant/isActive").asBoolean()).isTrue();
        assertThat(r.body().at("/tenant/createdAt").asText()).isNotBlank();
        assertThat(r.body().get("apiKey").asText()).startsWith("sk_live_").hasSize(56);
        assertThat(r.body().get("accessToken").asText().split("\\.")).hasSize(3);
        assertThat(r.body().get("refreshToken").asText()).isNotBlank();
        assertThat(r.body().at("/tenant/password").isMissingNode()).isTrue();
        String tenantId = r.body().at("/tenant/id").asText();
        assertThat(postgres.databaseExists(tenantDatabase(tenantId))).isTrue();
        // hashed beside the provisioning and set at activation: bcrypt of cost 10, and the session issued stays valid
        assertThat(strings("novabilling", "SELECT password_hash FROM tenants WHERE id = '" + tenantId + "'")).singleElement()
                .satisfies(hash -> assertThat(hash).startsWith("$2a$10$"));
        assertThat(api().get("/api/tenants/me", r.body().get("accessToken").asText()).status()).isEqualTo(200);
        assertThat(api().post("/api/auth/login", null, Map.of("email", email, "password", "securePassword123")).status()).isEqualTo(200);
    }

    @Test
    void duplicateEmailIsAConflictWhateverItsCase() {
        TestTenant tenant = registerTenant();
        Api.Response r = api().post("/api/auth/register", null, Map.of(
                "name", "Other", "email", tenant.email().toUpperCase(), "password", "securePassword123"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().at("/errors/0/field").asText()).isEqualTo("email");
    }

    @Test
    void concurrentRegistrationsOfOneCompanyNameAllSucceedWithTheirOwnSlug() throws Exception {
        String company = "Race " + UUID.randomUUID().toString().substring(0, 8);
        List<Api.Response> answers = registerConcurrently(4, i -> "race-" + i + "-" + UUID.randomUUID() + "@company.com", company);

        assertThat(answers).extracting(Api.Response::status).as(answers.toString()).containsOnly(201);
        List<String> slugs = answers.stream().map(r -> r.body().at("/tenant/slug").asText()).toList();
        String base = company.toLowerCase().replace(' ', '-');
        assertThat(slugs).doesNotHaveDuplicates().contains(base).allMatch(slug -> slug.startsWith(base));
    }

    @Test
    void concurrentRegistrationsOfOneEmailGiveOneTenantAndConflicts() throws Exception {
        String email = "same-" + UUID.randomUUID() + "@company.com";
        List<Api.Response> answers = registerConcurrently(4, i -> i % 2 == 0 ? email : email.toUpperCase(), "Same Email Co");

        assertThat(answers).extracting(Api.Response::status).as(answers.toString()).containsOnly(201, 409).containsOnlyOnce(201);
        answers.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.body().at("/errors/0/field").asText()).isEqualTo("email"));
        assertThat(count("novabilling", "SELECT count(*) FROM tenants WHERE lower(email) = lower('" + email + "')")).isOne();
        assertEveryTenantDatabaseHasItsCatalogRow();
    }

    @Test
    void invalidRegistrationNamesEachField() {
        Api.Response r = api().post("/api/auth/register", null, Map.of("name", "", "email", "not-an-email", "password", "short"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("statusCode").asInt()).isEqualTo(400);
        assertThat(r.body().get("error").asText()).isEqualTo("Bad Request");
        assertThat(r.body().findValuesAsText("field")).contains("name", "email", "password");
    }

    @Test
    void malformedJsonWrongTypesAndHugeBodiesAreClientErrors() {
        Api.Response malformed = api().post("/api/auth/login", null, "{\"email\": \"a@b.c\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("message").asText()).contains("Malformed JSON");

        Api.Response wrongType = api().post("/api/auth/register", null, "{\"name\": {\"x\": 1}, \"email\": \"a@b.c\", \"password\": \"12345678\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().at("/errors/0/field").asText()).isEqualTo("name");

        char[] big = new char[1024 * 1024 + 10];
        Arrays.fill(big, 'a');
        Api.Response huge = api().post("/api/auth/login", null, "{\"email\": \"" + new String(big) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body().get("statusCode").asInt()).isEqualTo(413);
    }

    @Test
    void loginWithTheRightPasswordOnly() {
        TestTenant tenant = registerTenant();
        Api.Response ok = api().post("/api/auth/login", null, Map.of("email", tenant.email(), "password", tenant.password()));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().at("/tenant/id").asText()).isEqualTo(tenant.id());
        assertThat(ok.body().get("accessToken").asText()).isNotBlank();
        assertThat(ok.body().get("refreshToken").asText()).isNotBlank();

        Api.Response wrong = api().post("/api/auth/login", null, Map.of("email", tenant.email(), "password", "wrongPassword1"));
        assertThat(wrong.status()).isEqualTo(401);
        Api.Response unknown = api().post("/api/auth/login", null, Map.of("email", "nobody-" + UUID.randomUUID() + "@x.io", "password", "wrongPassword1"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().get("message").asText()).isEqualTo(wrong.body().get("message").asText());
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        TestTenant tenant = registerTenant();
        Api.Response first = api().post("/api/auth/refresh", null, Map.of("refreshToken", tenant.refreshToken()));
        assertThat(first.status()).isEqualTo(200);
        String second = first.body().get("refreshToken").asText();
        assertThat(second).isNotEqualTo(tenant.refreshToken());
        assertThat(api().get("/api/tenants/me", first.body().get("accessToken").asText()).status()).isEqualTo(200);

        Api.Response reuse = api().post("/api/auth/refresh", null, Map.of("refreshToken", tenant.refreshToken()));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.body().get("message").asText()).contains("already used");

        Api.Response successorAfterReuse = api().post("/api/auth/refresh", null, Map.of("refreshToken", second));
        assertThat(successorAfterReuse.status()).isEqualTo(401);

        assertThat(api().post("/api/auth/refresh", null, Map.of("refreshToken", "rt_bogus")).status()).isEqualTo(401);
        assertThat(api().post("/api/auth/refresh", null, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void forgotPasswordMailsATokenThatResetsThePasswordAndRevokesSessions() throws Exception {
        TestTenant tenant = registerTenant();
        Api.Response unknown = api().post("/api/auth/forgot-password", null, Map.of("email", "nobody-" + UUID.randomUUID() + "@x.io"));
        Api.Response known = api().post("/api/auth/forgot-password", null, Map.of("email", tenant.email()));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.body().get("message").asText()).isEqualTo(unknown.body().get("message").asText());

        String token = awaitResetToken(tenant.email());

        assertThat(api().post("/api/auth/reset-password", null, Map.of("token", "prt_wrong", "password", "newPassword456")).status())
                .isEqualTo(400);
        Api.Response reset = api().post("/api/auth/reset-password", null, Map.of("token", token, "password", "newPassword456"));
        assertThat(reset.status()).isEqualTo(200);

        assertThat(api().get("/api/tenants/me", tenant.accessToken()).status()).as("old access token").isEqualTo(401);
        assertThat(api().post("/api/auth/refresh", null, Map.of("refreshToken", tenant.refreshToken())).status()).isEqualTo(401);
        assertThat(api().post("/api/auth/login", null, Map.of("email", tenant.email(), "password", tenant.password())).status()).isEqualTo(401);
        assertThat(api().post("/api/auth/login", null, Map.of("email", tenant.email(), "password", "newPassword456")).status()).isEqualTo(200);
        Api.Response again = api().post("/api/auth/reset-password", null, Map.of("token", token, "password", "anotherPass789"));
        assertThat(again.status()).as("a reset token works once").isEqualTo(400);
        assertThat(again.body().at("/errors/0/field").asText()).isEqualTo("token");
    }

    @Test
    void passwordsAreMeasuredInUtf8BytesAsBcryptReadsThem() {
        String tooLong = "é".repeat(72); // 72 characters, 144 bytes
        Api.Response refused = api().post("/api/auth/register", null, Map.of(
                "name", "Accent", "email", "accent-" + UUID.randomUUID() + "@company.com", "password", tooLong));
        assertThat(refused.badRequestFields()).containsExactly("password");
        assertThat(refused.body().at("/errors/0/message").asText()).contains("72 bytes");

        String longest = "é".repeat(36); // 72 bytes
        String email = "accent-" + UUID.randomUUID() + "@company.com";
        Api.Response registered = api().post("/api/auth/register", null, Map.of("name", "Accent", "email", email, "password", longest));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(api().post("/api/auth/login", null, Map.of("email", email, "password", longest)).status()).isEqualTo(200);
        assertThat(api().post("/api/auth/login", null, Map.of("email", email, "password", longest + "é")).status())
                .as("bcrypt would read only the first 72 bytes of this one").isEqualTo(401);
        assertThat(api().post("/api/auth/login", null, Map.of("email", email, "password", tooLong)).status()).isEqualTo(401);

        Api.Response reset = api().post("/api/auth/reset-password", null, Map.of("token", "prt_unknown", "password", tooLong));
        assertThat(reset.badRequestFields()).containsExactly("password");
        Api.Response tooShort = api().post("/api/auth/reset-password", null, Map.of("token", "prt_unknown", "password", "éééé"));
        assertThat(tooShort.badRequestFields()).as("the 8-character minimum stays").containsExactly("password");
    }

    @Test
    void accessTokensMustExpireAndCannotBeIssuedInTheFuture() {
        TestTenant tenant = registerTenant();
        Instant now = clock.instant();
        Duration ttl = Duration.ofMinutes(15);
        assertThat(api().get("/api/tenants/me", serverSigned(tenant, now, now.plus(ttl))).status())
                .as("a token signed here the way the server signs is accepted").isEqualTo(200);
        assertThat(api().get("/api/tenants/me", serverSigned(tenant, now.plusSeconds(30), now.plus(ttl))).status())
                .as("iat within the allowed clock skew").isEqualTo(200);

        for (String token : List.of(serverSigned(tenant, now, null), serverSigned(tenant, null, now.plus(ttl)),
                serverSigned(tenant, now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(20))),
                serverSigned(tenant, now.minus(Duration.ofHours(1)), now.minusSeconds(1)))) {
            Api.Response refused = api().get("/api/tenants/me", token);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().get("statusCode").asInt()).isEqualTo(401);
            assertThat(refused.body().get("message").asText()).isEqualTo("Invalid or expired access token");
        }
    }

    /** An access token signed with the server's own key, with the claims the server puts in, {@code iat}/{@code exp} as given. */
    private String serverSigned(TestTenant tenant, Instant issuedAt, Instant expiresAt) {
        var token = Jwts.builder()
                .header().add("typ", "JWT").and()
                .issuer("novabilling")
                .subject(tenant.id())
                .id(UUID.randomUUID().toString())
                .claim("typ", "access")
                .claim("sv", 0);
        if (issuedAt != null) {
            token.issuedAt(Date.from(issuedAt));
        }
        if (expiresAt != null) {
            token.expiration(Date.from(expiresAt));
        }
        return token.signWith(Keys.hmacShaKeyFor(serverSecrets.jwtKey()), Jwts.SIG.HS256).compact();
    }

    /** Registrations sent at the same moment from as many threads. */
    private List<Api.Response> registerConcurrently(int n, IntFunction<String> email, String companyName) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Map<String, String> body = Map.of("name", "Racer " + i, "email", email.apply(i),
                        "password", "securePassword123", "companyName", companyName);
                sent.add(callers.submit(() -> {
                    start.await();
                    return api().post("/api/auth/register", null, body);
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : sent) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            callers.shutdownNow();
        }
    }

    private String awaitResetToken(String email) {
        Pattern token = Pattern.compile("(prt_[A-Za-z0-9]+)");
        return Awaitility.await("a reset e-mail for " + email).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    for (MimeMessage m : MAIL.getReceivedMessages()) {
                        if (m.getAllRecipients()[0].toString().equals(email)) {
                            Matcher matcher = token.matcher(m.getContent().toString());
                            if (matcher.find()) {
                                return matcher.group(1);
                            }
                        }
                    }
                    return null;
                }, java.util.Objects::nonNull);
    }
}
