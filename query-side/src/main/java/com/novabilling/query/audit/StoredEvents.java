package com.novabilling.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Reading the columns of Axon's event table: JSON bytes written by the Jackson serializer, ISO-8601 time stamps. */
final class StoredEvents {

    // Amounts must come back as stored (10.50 stays 10.50), so no doubles and no stripped zeros.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private StoredEvents() {
    }

    /** The stored JSON; an absent column is an empty object, bytes that are not JSON are shown as text. */
    static JsonNode json(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stored event JSON", e);
        }
    }

    /** {@code com.acme.CustomerCreatedEvent} and {@code com.acme.CustomerEvents$CustomerCreatedEvent} → {@code CustomerCreatedEvent}. */
    static String simpleName(String payloadType) {
        if (payloadType == null) {
            return null;
        }
        int cut = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        return payloadType.substring(cut + 1);
    }

    static Instant timestamp(String stored) {
        Instant parsed = stored == null ? null : Instants.parseOrNull(stored);
        if (stored != null && parsed == null) {
            throw new IllegalStateException("stored event time stamp is not ISO-8601: " + stored);
        }
        return parsed;
    }

    static String text(JsonNode metadata, String key) {
        JsonNode value = metadata.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
