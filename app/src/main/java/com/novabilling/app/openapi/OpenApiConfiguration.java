package com.novabilling.app.openapi;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.app.security.RouteAccess;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The OpenAPI document at /api/openapi.json: both security schemes, each operation tagged with the one it takes, and
 * every currency field listing the supported ISO 4217 codes.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String JWT = "jwt";
    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI novaBillingOpenApi() {
        return new OpenAPI()
                .info(new Info().title("NovaBilling API").version("1.0")
                        .description("Multi-tenant billing ledger. JWT bearer tokens for /auth and /tenants (and /admin); "
                                + "API keys (sk_live_…) for all data routes. Errors: {statusCode, error, message, errors:[{field,message}]}."))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(JWT, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("Access token from /api/auth/login or /api/auth/register"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("sk_live_…").description("API key from registration or /api/tenants/me/api-keys")));
    }

    @Bean
    OpenApiCustomizer securityPerRoute() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
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

    /**
     * Currency fields are strings in requests (parsed in any letter case, refused with 400 when unsupported) and in
     * views; the document lists the supported codes for each of them, wherever the field is declared.
     */
    @Bean
    OpenApiCustomizer currencyCodes() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::listCurrencyCodes);
        };
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
