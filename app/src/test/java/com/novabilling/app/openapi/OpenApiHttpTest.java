package com.novabilling.app.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.novabilling.app.support.OpenApiDocument.enumOf;
import static org.assertj.core.api.Assertions.assertThat;

class OpenApiHttpTest extends IntegrationTest {

    /** Every endpoint of the foundation issue, as METHOD path. */
    private static final List<String> ENDPOINTS = List.of(
            "post /api/auth/register", "post /api/auth/login", "post /api/auth/refresh",
            "post /api/auth/forgot-password", "post /api/auth/reset-password",
            "get /api/tenants/me", "patch /api/tenants/me", "get /api/tenants/me/usage",
            "post /api/tenants/me/api-keys", "get /api/tenants/me/api-keys", "delete /api/tenants/me/api-keys/{id}",
            "post /api/tenants/me/smtp/test",
            "get /api/customers", "post /api/customers", "get /api/customers/{customerId}", "patch /api/customers/{customerId}",
            "delete /api/customers/{customerId}",
            "get /api/plans", "post /api/plans", "get /api/plans/{planId}", "patch /api/plans/{planId}",
            "delete /api/plans/{planId}", "post /api/plans/{planId}/prices", "patch /api/plans/{planId}/prices/{priceId}",
            "delete /api/plans/{planId}/prices/{priceId}",
            "get /api/audit/events", "get /api/audit/aggregates/{id}",
            "post /api/admin/projections/rebuild", "get /api/admin/projections",
            "get /api/admin/projections/{processor}/dead-letters",
            "post /api/admin/projections/{processor}/dead-letters/retry",
            "delete /api/admin/projections/{processor}/dead-letters/{id}");

    @Test
    void documentListsEveryEndpointWithItsSecurityScheme() {
        Api.Response doc = api().get("/api/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().get("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.body().get("paths");
        for (String endpoint : ENDPOINTS) {
            String[] parts = endpoint.split(" ");
            assertThat(paths.at("/" + parts[1].replace("~", "~0").replace("/", "~1") + "/" + parts[0]).isMissingNode())
                    .as(endpoint + " is documented").isFalse();
        }
        assertThat(doc.body().at("/components/securitySchemes/jwt/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.body().at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
        assertThat(paths.at("/~1api~1tenants~1me/get/security/0").has("jwt")).isTrue();
        assertThat(paths.at("/~1api~1customers/post/security/0").has("apiKey")).isTrue();
        assertThat(paths.at("/~1api~1auth~1login/post/security")).isEmpty();
        assertThat(doc.body().at("/components/schemas").size()).isPositive();
        assertThat(enumOf(doc.body(), "CreatePlanRequest", "billingInterval"))
                .containsExactly("HOURLY", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY");
        assertThat(enumOf(doc.body(), "PlanView", "billingInterval")).contains("MONTHLY");
    }

    @Test
    void everyCurrencyFieldListsTheSupportedCodes() {
        JsonNode schemas = api().get("/api/openapi.json", null).body().at("/components/schemas");
        List<String> fields = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> schema.getValue().path("properties").fields().forEachRemaining(property -> {
            if (property.getKey().equals("currency") || property.getKey().endsWith("Currency")) {
                fields.add(schema.getKey() + "." + property.getKey());
                assertThat(enumOf(property.getValue())).as(schema.getKey() + "." + property.getKey())
                        .hasSize(17).contains("USD", "NGN", "KES", "UGX", "RWF", "XOF", "XAF");
            }
        }));
        assertThat(fields).contains("PlanPriceRequest.currency",
                "CreateCustomerRequest.currency", "ChargeView.currency", "Settings.defaultCurrency");
    }

    @Test
    void interactiveReferenceIsServed() {
        Api.Response reference = api().send("GET", "/api/reference", null, null);
        assertThat(reference.status()).isIn(200, 302);
        Api.Response ui = api().get("/api/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("Swagger UI");
    }

    @Test
    void healthReportsUp() {
        assertThat(api().get("/health", null).body().get("status").asText()).isEqualTo("up");
        assertThat(api().get("/api/health", null).body().get("status").asText()).isEqualTo("up");
        assertThat(api().get("/actuator/health", null).body().get("status").asText()).isEqualTo("UP");
    }
}
