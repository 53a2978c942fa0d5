package com.novabilling.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the generated OpenAPI document the way the HTTP tests check it. */
public final class OpenApiDocument {

    private OpenApiDocument() {
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
