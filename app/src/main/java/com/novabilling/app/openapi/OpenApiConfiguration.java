package com.novabilling.app.openapi;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.app.security.RouteAccess;
import com.novabilling.app.web.WebConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAPI document at /api/openapi.json, written for SDK generators and people: one server, {@code /api}, that
 * every path is relative to; one tag per resource (the query and command controllers of a resource share it, see
 * {@link ApiTags}); both security schemes, each operation with the one it takes; every error response with the
 * error body ({@link ErrorResponses}); every currency field listing the supported ISO 4217 codes. Operation ids,
 * summaries and descriptions are set on the controllers. OpenApiLintTest lints the document.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String JWT = "jwt";
    static final String API_KEY = "apiKey";

    /** In the API reference's order. */
    private static final List<Tag> RESOURCE_TAGS = List.of(
            tag(ApiTags.AUTH, "Public endpoints for tenant registration, login, token refresh and password reset."),
            tag(ApiTags.TENANTS, "The tenant's profile and settings, usage statistics, API keys and SMTP test. "
                    + "Authenticated with a JWT."),
            tag(ApiTags.CUSTOMERS, "The customers the tenant bills, each in one currency."),
            tag(ApiTags.PLANS, "Billing plans with their interval, features and one price per currency."),
            tag(ApiTags.SUBSCRIPTIONS, "Customers' subscriptions to plans: billing periods, trials, cancellation, "
                    + "pause and resume, and plan changes."),
            tag(ApiTags.INVOICES, "Invoices: one-off invoices of items, their lifecycle DRAFT → FINALIZED → PAID or "
                    + "VOIDED, gap-free numbers (INV-000001), payments recorded by hand, the PDF and signed links to "
                    + "it that work without an API key for a limited time."),
            tag(ApiTags.BILLABLE_METRICS, "Event-based usage metrics for usage-based billing: what usage events "
                    + "of a code are aggregated into."),
            tag(ApiTags.CHARGES, "Pricing models that price a billable metric on a plan, and estimates with them."),
            tag(ApiTags.COUPONS, "Discount coupons and their application to customers."),
            tag(ApiTags.ADD_ONS, "One-off charges with a price per currency, and their application to customers "
                    + "until the next invoice."),
            tag(ApiTags.CREDIT_NOTES, "Credit notes against finalized invoices: DRAFT → FINALIZED → VOIDED, their "
                    + "own gap-free numbers (CN-000001); CREDIT notes become customer credit for later invoices, "
                    + "OFFSET notes lower the unpaid invoice's amount due."),
            tag(ApiTags.WALLETS, "Customers' wallets of prepaid credits, one currency each: purchased and granted "
                    + "credits, voided credits, termination, and the transactions with the grants and purchases each "
                    + "spending drew from."),
            tag(ApiTags.USAGE_EVENTS, "Usage events of subscriptions (the metering ledger, idempotent on "
                    + "transactionId), and a subscription's current usage rated per charge."),
            tag(ApiTags.AUDIT, "The tenant's event store as an audit trail, and its aggregates as they were at a "
                    + "given instant."),
            tag(ApiTags.ADMIN, "Status and rebuild of the tenant's projections. Authenticated with a JWT."),
            tag(ApiTags.TEST_CLOCK, "A tenant's own test clock, on servers started with NOVABILLING_TEST_CLOCK=true: "
                    + "move the tenant's time forward and every subscription transition due runs."));

    @Bean
    OpenAPI novaBillingOpenApi() {
        return new OpenAPI()
                .info(new Info().title("NovaBilling API").version("1.0")
                        .description("Multi-tenant billing ledger. JWT bearer tokens for /auth and /tenants (and /admin); "
                                + "API keys (sk_live_…) for all data routes. Errors: {statusCode, error, message, "
                                + "errors:[{field,message}], path, requestId, timestamp}."))
                .servers(List.of(new Server().url(WebConfiguration.API_PREFIX)))
                .components(new Components()
                        .addSecuritySchemes(JWT, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("Access token from /api/auth/login or /api/auth/register"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("sk_live_…").description("API key from registration or /api/tenants/me/api-keys")));
    }

    /** The steps read the full request paths (route access depends on them), so the paths become relative last. */
    @Bean
    OpenApiCustomizer novaBillingConventions() {
        return openApi -> {
            openApi.setTags(new ArrayList<>(RESOURCE_TAGS));
            securityPerRoute(openApi);
            ErrorResponses.document(openApi);
            currencyCodes(openApi);
            relativeToApiServer(openApi);
        };
    }

    private static void securityPerRoute(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            RouteAccess access = RouteAccess.of(path);
            if (access == RouteAccess.JWT) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(JWT)));
            } else if (access == RouteAccess.API_KEY) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY)));
            } else {
                operation.setSecurity(List.of());
            }
        }));
    }

    /** A route outside /api (health, /error) cannot be written relative to the server; none is part of the API. */
    private static void relativeToApiServer(OpenAPI openApi) {
        String prefix = WebConfiguration.API_PREFIX;
        Paths relative = new Paths();
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(prefix + "/")) {
                relative.addPathItem(path.substring(prefix.length()), item);
            }
        });
        openApi.setPaths(relative);
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    /**
     * Currency fields are strings in requests (parsed in any letter case, refused with 400 when unsupported) and in
     * views; the document lists the supported codes for each of them, wherever the field is declared.
     */
    private static void currencyCodes(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::listCurrencyCodes);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void listCurrencyCodes(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            boolean currencyField = name.equals("currency") || name.endsWith("Currency");
            boolean string = "string".equals(property.getType())
                    || (property.getTypes() != null && property.getTypes().contains("string"));
            if (currencyField && string && property.getEnum() == null) {
                ((Schema) property).setEnum(CurrencyCode.codes());
            }
        });
    }
}
