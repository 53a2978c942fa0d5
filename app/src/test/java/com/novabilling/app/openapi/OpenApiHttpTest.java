package com.novabilling.app.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.novabilling.app.support.OpenApiDocument.enumOf;
import static com.novabilling.app.support.OpenApiDocument.operation;
import static org.assertj.core.api.Assertions.assertThat;

class OpenApiHttpTest extends IntegrationTest {

    /** Every endpoint of the foundation issue, as METHOD path. */
    private static final List<String> ENDPOINTS = List.of(
            "post /api/auth/register", "post /api/auth/login", "post /api/auth/refresh",
            "post /api/auth/forgot-password", "post /api/auth/reset-password",
            "get /api/tenants/me", "patch /api/tenants/me", "get /api/tenants/me/usage",
            "post /api/tenants/me/api-keys", "get /api/tenants/me/api-keys", "delete /api/tenants/me/api-keys/{id}",
            "post /api/tenants/me/smtp/test", "get /api/invoices/{invoiceId}/pdf",
            "get /api/customers", "post /api/customers", "get /api/customers/{customerId}", "patch /api/customers/{customerId}",
            "delete /api/customers/{customerId}",
            "get /api/plans", "post /api/plans", "get /api/plans/{planId}", "patch /api/plans/{planId}",
            "delete /api/plans/{planId}", "post /api/plans/{planId}/prices", "patch /api/plans/{planId}/prices/{priceId}",
            "delete /api/plans/{planId}/prices/{priceId}",
            "get /api/invoices", "post /api/invoices", "get /api/invoices/{invoiceId}",
            "post /api/invoices/{invoiceId}/finalize", "post /api/invoices/{invoiceId}/void",
            "post /api/invoices/{invoiceId}/mark-paid", "post /api/invoices/{invoiceId}/send-email",
            "get /api/customers/{customerId}/invoices",
            "get /api/credit-notes", "post /api/credit-notes", "get /api/credit-notes/{creditNoteId}",
            "patch /api/credit-notes/{creditNoteId}", "post /api/credit-notes/{creditNoteId}/finalize",
            "post /api/credit-notes/{creditNoteId}/void",
            "post /api/wallets", "get /api/wallets", "get /api/wallets/{walletId}", "patch /api/wallets/{walletId}",
            "delete /api/wallets/{walletId}", "post /api/wallets/transactions",
            "get /api/wallets/{walletId}/transactions",
            "get /api/audit/events", "get /api/audit/aggregates/{id}",
            "post /api/admin/projections/rebuild", "get /api/admin/projections",
            "get /api/admin/projections/{processor}/dead-letters",
            "post /api/admin/projections/{processor}/dead-letters/retry",
            "delete /api/admin/projections/{processor}/dead-letters/{id}", "get /api/admin/ledger/verify",
            "post /api/admin/ledger/verifications", "get /api/admin/ledger/verifications/{id}");

    @Test
    void documentListsEveryEndpointWithItsSecurityScheme() {
        Api.Response doc = api().get("/api/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().get("openapi").asText()).startsWith("3.");
        for (String endpoint : ENDPOINTS) {
            String[] parts = endpoint.split(" ");
            assertThat(operation(doc.body(), parts[0], parts[1]).isMissingNode()).as(endpoint + " is documented").isFalse();
        }
        assertThat(doc.body().at("/components/securitySchemes/jwt/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.body().at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
        assertThat(operation(doc.body(), "get", "/api/tenants/me").at("/security/0").has("jwt")).isTrue();
        assertThat(operation(doc.body(), "post", "/api/customers").at("/security/0").has("apiKey")).isTrue();
        assertThat(operation(doc.body(), "post", "/api/auth/login").path("security")).isEmpty();
        assertThat(doc.body().at("/components/schemas").size()).isPositive();
        assertThat(enumOf(doc.body(), "CreatePlanRequest", "billingInterval"))
                .containsExactly("HOURLY", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY");
        assertThat(enumOf(doc.body(), "PlanView", "billingInterval")).contains("MONTHLY");
    }

    /** What SDK generators build on; OpenApiLintTest checks the rest (summaries, descriptions, a 4xx everywhere). */
    @Test
    void documentIsWrittenForSdkGenerators() {
        JsonNode doc = api().get("/api/openapi.json", null).body();
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/api");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/customers", "/customers/{customerId}", "/auth/register")
                .noneMatch(path -> path.startsWith("/api/") || path.contains("health") || path.equals("/error"));

        JsonNode list = operation(doc, "get", "/api/customers");
        JsonNode create = operation(doc, "post", "/api/customers");
        assertThat(list.get("operationId").asText()).isEqualTo("listCustomers");
        assertThat(create.get("operationId").asText()).isEqualTo("createCustomer");
        assertThat(operation(doc, "delete", "/api/coupons/applied/{appliedCouponId}").get("operationId").asText())
                .isEqualTo("removeAppliedCoupon");
        assertThat(list.get("tags")).as("query and command side share the resource's tag")
                .isEqualTo(create.get("tags")).hasSize(1);
        assertThat(list.at("/tags/0").asText()).isEqualTo("Customers");
        List<String> tags = new ArrayList<>();
        doc.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        assertThat(tags).startsWith("Auth", "Tenants", "Customers", "Plans", "Subscriptions", "Invoices",
                "Billable Metrics",
                "Charges", "Coupons", "Add-Ons", "Credit Notes", "Wallets");

        String apiError = "#/components/schemas/ApiError";
        List<String> errorFields = new ArrayList<>();
        doc.at("/components/schemas/ApiError/properties").fieldNames().forEachRemaining(errorFields::add);
        assertThat(errorFields).containsExactlyInAnyOrder("statusCode", "error", "message", "errors", "path",
                "requestId", "timestamp");
        JsonNode getCustomer = operation(doc, "get", "/api/customers/{customerId}").get("responses");
        for (String status : List.of("401", "404", "429")) {
            assertThat(getCustomer.at("/" + status + "/content/application~1json/schema/$ref").asText())
                    .as("GET customer " + status).isEqualTo(apiError);
        }
        List<String> createStatuses = new ArrayList<>();
        create.get("responses").fieldNames().forEachRemaining(createStatuses::add);
        assertThat(createStatuses).contains("201", "400", "401", "409", "413", "429");
        assertThat(create.at("/responses/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/CustomerView");
        JsonNode register = operation(doc, "post", "/api/auth/register").get("responses");
        assertThat(register.at("/503/content/application~1json/schema/$ref").asText()).isEqualTo(apiError);
        assertThat(register.at("/503/headers").has("Retry-After")).isTrue();
        assertThat(register.has("401")).as("registration is public").isFalse();
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
