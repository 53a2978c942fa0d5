package com.novabilling.app.openapi;

import com.novabilling.app.security.RouteAccess;
import com.novabilling.app.web.ApiError;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.Set;

/**
 * The error responses of every operation, each with the API's one error body ({@link ApiError}).
 * <p>
 * Those that follow from how a route is reached are added here from its full path, method, parameters and body, so
 * a new endpoint is covered without writing anything: 400 (a body or parameters to validate), 401 and 429 (a route
 * that takes a credential, see {@link RouteAccess}), 404 (an id in the path), 409 (a change to an API-key resource:
 * a state conflict or a concurrent change), 413 (a body). Those that follow from what an operation does (409 on a
 * taken code, 404 on a referenced resource, 503 on registration, …) are declared on the operation with
 * {@code @ApiResponse} and a description of when; they get the error body here too.
 */
final class ErrorResponses {

    static final String ERROR_SCHEMA = "ApiError";

    private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.PATCH, HttpMethod.PUT, HttpMethod.DELETE);

    private ErrorResponses() {
    }

    static void document(OpenAPI openApi) {
        addErrorSchema(openApi.getComponents());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    /** {@code path} is the full request path, with the {@code /api} prefix. */
    private static void document(String path, HttpMethod method, Operation operation) {
        RouteAccess access = RouteAccess.of(path);
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        ApiResponses responses = operation.getResponses();
        if (body || parameters) {
            addIfAbsent(responses, "400", "The request is invalid: errors[] names each offending body field or "
                    + "parameter");
        }
        if (access == RouteAccess.JWT) {
            addIfAbsent(responses, "401", "The access token is missing, invalid or expired");
        } else if (access == RouteAccess.API_KEY) {
            addIfAbsent(responses, "401", "The API key is missing, invalid or revoked");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "No such resource in this tenant");
        }
        if (access == RouteAccess.API_KEY && CHANGES.contains(method)) {
            addIfAbsent(responses, "409", "The change conflicts with the resource's state (see the operation's "
                    + "description) or with a concurrent change; retry with fresh data");
        }
        if (body) {
            addIfAbsent(responses, "413", "The request body is larger than the server accepts");
        }
        if (access != RouteAccess.PUBLIC) {
            addIfAbsent(responses, "429", "The tenant's rate limit is exhausted; retry after Retry-After seconds");
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(errorBody());
                if (status.equals("429") || status.equals("503")) {
                    response.addHeaderObject("Retry-After", new Header()
                            .description("Seconds to wait before retrying").schema(new IntegerSchema()));
                }
            }
        });
    }

    private static void addIfAbsent(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static Content errorBody() {
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)));
    }

    @SuppressWarnings("rawtypes")
    private static void addErrorSchema(Components components) {
        ModelConverters.getInstance().readAll(ApiError.class).forEach((name, schema) -> {
            Schema existing = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (existing == null) {
                components.addSchemas(name, schema);
            }
        });
        components.getSchemas().get(ERROR_SCHEMA).description("The one error body of the API: statusCode and error "
                + "repeat the HTTP status, message says what went wrong, errors[] names each invalid field (empty "
                + "otherwise), path and requestId identify the request, timestamp is when it was answered.");
    }
}
