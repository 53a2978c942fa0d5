package com.novabilling.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the generated OpenAPI document the way the HTTP tests check it. */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    /**
     * The operation documented for {@code method} (get, post, …) on a request path such as
     * {@code /api/customers/{customerId}}, or a missing node: the document's paths are relative to its one server,
     * {@code /api}.
     */
    public static JsonNode operation(JsonNode doc, String method, String requestPath) {
        String server = server(doc);
        assertThat(requestPath).as("a request path under the server " + server).startsWith(server + "/");
        String documented = requestPath.substring(server.length());
        return doc.path("paths").path(documented).path(method.toLowerCase());
    }

    /** The request path of a path the document lists: its server's URL, {@code /api}, then the path. */
    public static String requestPath(JsonNode doc, String documentedPath) {
        return server(doc) + documentedPath;
    }

    private static String server(JsonNode doc) {
        JsonNode servers = doc.path("servers");
        assertThat(servers.size()).as("the document's servers").isEqualTo(1);
        return servers.get(0).get("url").asText();
    }

    /** The enum values of one property of a component schema; fails when the property lists none. */
    public static List<String> enumOf(JsonNode doc, String schema, String property) {
        return enumOf(doc.at("/components/schemas/" + schema + "/properties/" + property));
    }

    /** The enum values of a schema node, inline or behind the {@code allOf} springdoc writes for referenced enums. */
    public static List<String> enumOf(JsonNode schema) {
        JsonNode values = schema.has("enum") ? schema.get("enum") : schema.at("/allOf/0/enum");
        assertThat(values.isArray()).as(schema + " lists its enum values").isTrue();
        List<String> names = new ArrayList<>();
        values.forEach(value -> names.add(value.asText()));
        return names;
    }
}
