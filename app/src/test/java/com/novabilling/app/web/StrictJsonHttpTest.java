package com.novabilling.app.web;

import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hostile inputs the hardening issue found, one by one: each is a 400 naming the field, and nothing breaks. */
class StrictJsonHttpTest extends IntegrationTest {

    @Test
    void aJsonAnswerIsSentWholeWithItsLengthNotChunked() {
        TestTenant t = sharedTenant();
        Api.Response created = api().post("/api/customers", t.apiKey(),
                Map.of("name", "Whole Answer", "email", "whole@example.com"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Transfer-Encoding")).isNull();
        assertThat(created.header("Content-Length"))
                .isEqualTo(String.valueOf(created.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        Api.Response refused = api().get("/api/customers/cus_000000000000000000000000", t.apiKey());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.header("Content-Length")).isNotNull();
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedNotCoerced() {
        TestTenant t = sharedTenant();
        assertRefused(t, "/api/customers", "{\"name\":123,\"email\":\"a@example.com\"}", "name", "must be a string");
        assertRefused(t, "/api/customers", "{\"name\":true,\"email\":\"a@example.com\"}", "name", "must be a string");
        assertRefused(t, "/api/plans", "{\"name\":\"P\",\"code\":\"p\",\"billingInterval\":\"MONTHLY\",\"trialDays\":1.9}",
                "trialDays", "must be a number");
        assertRefused(t, "/api/plans", "{\"name\":\"P\",\"code\":\"p\",\"billingInterval\":\"MONTHLY\",\"trialDays\":\"3\"}",
                "trialDays", "must be a number");
        assertRefused(t, "/api/coupons", "{\"name\":\"C\",\"code\":\"C1\",\"discountType\":\"PERCENTAGE\","
                + "\"discountValue\":\"12\"}", "discountValue", "must be a number");
        assertRefused(t, "/api/coupons", "{\"name\":\"C\",\"code\":\"C1\",\"discountType\":\"PERCENTAGE\","
                + "\"discountValue\":10,\"isActive\":\"true\"}", "isActive", "must be true or false");
        assertRefused(t, "/api/coupons", "{\"name\":\"C\",\"code\":\"C1\",\"discountType\":\"PERCENTAGE\","
                + "\"discountValue\":10,\"isActive\":1}", "isActive", "must be true or false");
    }

    @Test
    void dateTimesAreStrictIso8601Strings() {
        TestTenant t = sharedTenant();
        String coupon = "{\"name\":\"C\",\"code\":\"C2\",\"discountType\":\"PERCENTAGE\",\"discountValue\":10,\"expiresAt\":%s}";
        for (String expiresAt : List.of("\"\"", "1767225600", "\"2026-13-01T00:00:00Z\"", "\"2099-01-01T00:00:00\"")) {
            assertRefused(t, "/api/coupons", coupon.formatted(expiresAt), "expiresAt", "ISO-8601");
        }
        assertRefused(t, "/api/coupons", coupon.formatted("\"+100000-01-01T00:00:00Z\""), "expiresAt",
                "between the years 1970 and 9999");
    }

    @Test
    void malformedBodiesAreRefusedWithoutLibraryMessages() {
        TestTenant t = sharedTenant();
        String valid = "{\"name\":\"Trailing\",\"email\":\"trailing@example.com\"}";
        for (String body : List.of(valid + " xyz", valid + " {}", "{\"name\":NaN}", "{\"name\":Infinity}",
                "{\"name\":\"a\",\"name\":\"b\",\"email\":\"c@example.com\"}",
                "{\"metadata\":" + "[".repeat(2000) + "]".repeat(2000) + "}")) {
            Api.Response refused = api().post("/api/customers", t.apiKey(), body);
            assertThat(refused.status()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
            assertThat(refused.text()).doesNotContainIgnoringCase("jackson").doesNotContain("JsonReadFeature",
                    "StreamReadConstraints", "Exception", "com.fasterxml");
        }
        assertThat(api().get("/api/customers?limit=100", t.apiKey()).body().get("data").findValuesAsText("name"))
                .doesNotContain("Trailing");
    }

    @Test
    void controlCharactersNeverReachTheStore() {
        TestTenant t = sharedTenant();
        assertRefused(t, "/api/customers", "{\"name\":\"a\\u0000b\",\"email\":\"nul@example.com\"}", "name",
                "control characters");
        assertRefused(t, "/api/customers", "{\"name\":\"Ok\",\"email\":\"nul@example.com\",\"metadata\":{\"a\\u0000\":\"v\"}}",
                "metadata", "control characters");
        assertRefused(t, "/api/customers", "{\"name\":\"Ok\",\"email\":\"nul@example.com\",\"metadata\":{\"k\":\"\\u0000\"}}",
                "metadata.k", "control characters");
        assertRefused(t, "/api/plans", "{\"name\":\"P\",\"code\":\"nul\",\"billingInterval\":\"MONTHLY\","
                + "\"features\":[\"a\\u0000\"]}", "features[0]", "control characters");
        assertRefused(t, "/api/add-ons", "{\"name\":\"a\\u0000\",\"code\":\"nul\",\"prices\":[{\"currency\":\"USD\","
                + "\"amount\":1}]}", "name", "control characters");
        Api.Response tenantName = api().patch("/api/tenants/me", t.accessToken(), "{\"name\":\"a\\u0000b\"}");
        assertThat(tenantName.badRequestFields()).containsExactly("name");
        Api.Response register = api().post("/api/auth/register", null, Map.of("name", "N", "email",
                "nul-" + uniqueCode("r") + "@example.com", "password", "securePassword123", "companyName", "a\u0000b"));
        assertThat(register.badRequestFields()).containsExactly("companyName");
        Api.Response emptyEmail = api().patch("/api/tenants/me", t.accessToken(), Map.of("email", ""));
        assertThat(emptyEmail.badRequestFields()).containsExactly("email");
    }

    @Test
    void hugeNumbersAreRefusedAndTheTenantKeepsAnswering() {
        TestTenant t = registerTenant();
        String planId = catalog(t).plan("MONTHLY", "USD", 10);
        String metricId = catalog(t).metric("Calls", uniqueCode("calls"), "COUNT", null);
        String charge = "{\"planId\":\"" + planId + "\",\"billableMetricId\":\"" + metricId
                + "\",\"chargeModel\":\"STANDARD\",\"properties\":{\"amount\":%s}}";
        assertRefused(t, "/api/charges", charge.formatted("1e1000"), "properties.amount", "10^18");
        assertRefused(t, "/api/charges", charge.formatted("1e1000000000"), "properties.amount", "10^18");
        assertRefused(t, "/api/charges", charge.formatted("1e999"), "properties.amount", "10^18");
        assertRefused(t, "/api/charges", charge.formatted("10000000000000"), "properties.amount", "must not exceed");
        assertRefused(t, "/api/charges", "{\"planId\":\"" + planId + "\",\"billableMetricId\":\"" + metricId
                + "\",\"chargeModel\":\"GRADUATED\",\"graduatedRanges\":[{\"fromValue\":0,\"toValue\":1e1000000000,"
                + "\"perUnitAmount\":1},{\"fromValue\":1,\"perUnitAmount\":1}]}", "graduatedRanges[0].toValue", "10^18");

        String chargeId = catalog(t).charge(charge.formatted("1000000000000"));
        String estimate = "/api/charges/" + chargeId + "/estimate";
        assertRefused(t, estimate, "{\"units\":1e30}", "units", "10^18");
        assertRefused(t, estimate, "{\"units\":10000000000000000}", "units", "must not exceed");
        Api.Response tooMuchMoney = api().post(estimate, t.apiKey(), "{\"units\":1000000000000000}");
        assertThat(tooMuchMoney.badRequestFields()).containsExactly("units");
        assertThat(tooMuchMoney.body().get("message").asText()).contains("largest amount");

        assertThat(api().get("/api/charges", t.apiKey()).total()).isEqualTo(1);
        assertThat(api().post(estimate, t.apiKey(), "{\"units\":3}").status()).isEqualTo(200);
        assertThat(api().get("/api/plans", t.apiKey()).total()).isEqualTo(1);
    }

    @Test
    void requestsTomcatRefusesBeforeSpringAnswerInTheApisJsonShape() {
        TestTenant t = sharedTenant();
        for (String path : List.of("/api/customers/a%2Fb", "/api/customers/a%00b", "/api/customers/%C0%AF",
                "/api/customers/" + "x".repeat(10_000))) {
            Api.Response refused = api().get(path, t.apiKey());
            assertThat(refused.status()).as(path.substring(0, Math.min(60, path.length()))).isBetween(400, 499);
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            assertThat(refused.body().get("statusCode").asInt()).isEqualTo(refused.status());
            assertThat(refused.text()).doesNotContain("<html", "Tomcat", "Exception");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRefusedRequestLogsOneLineWithoutAStackTrace(CapturedOutput output) {
        TestTenant t = sharedTenant();
        String email = "logged-" + java.util.UUID.randomUUID() + "@example.com";
        assertThat(api().post("/api/customers", t.apiKey(), Map.of("name", "Once", "email", email)).status()).isEqualTo(201);
        Api.Response conflict = api().post("/api/customers", t.apiKey(), Map.of("name", "Twice", "email", email));
        assertThat(conflict.status()).isEqualTo(409);

        List<String> lines = output.getAll().lines().filter(line -> line.contains(email)).toList();
        assertThat(lines).as("the refusal is logged once, by the exception handler").hasSize(1);
        assertThat(lines.get(0)).contains("409 POST /api/customers");
        assertThat(output.getAll()).as("no stack trace").doesNotContain("ConflictException");
    }

    private void assertRefused(TestTenant t, String path, String body, String field, String messagePart) {
        Api.Response refused = api().post(path, t.apiKey(), body);
        assertThat(refused.badRequestFields()).as(body.length() > 200 ? body.substring(0, 200) : body).contains(field);
        assertThat(refused.text()).contains(messagePart).doesNotContain("Exception", "jackson", "com.fasterxml");
    }
}
