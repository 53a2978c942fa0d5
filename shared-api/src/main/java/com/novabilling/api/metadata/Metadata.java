package com.novabilling.api.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The free-form {@code metadata} object that customers, plans and other resources carry. */
public final class Metadata {

    private Metadata() {
    }

    /** An unmodifiable copy in insertion order; empty for {@code null}. Not {@code Map.copyOf}: JSON values may be null. */
    public static Map<String, Object> copyOf(Map<String, Object> metadata) {
        return metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
