package com.novabilling.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonMergeStateFolderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonMergeStateFolder folder = new JsonMergeStateFolder();

    @Test
    void firstEventPayloadIsTheInitialStateIncludingItsNullFields() {
        ObjectNode state = folder.evolve(empty(), "CustomerCreatedEvent",
                json("{\"customerId\":\"c1\",\"name\":\"Ada\",\"phone\":null}"));

        assertThat(state).isEqualTo(json("{\"customerId\":\"c1\",\"name\":\"Ada\",\"phone\":null}"));
    }

    @Test
    void laterEventsOverwriteOnlyTheNonNullFieldsTheyCarry() {
        ObjectNode created = folder.evolve(empty(), "CustomerCreatedEvent",
                json("{\"customerId\":\"c1\",\"name\":\"Ada\",\"email\":\"ada@example.com\",\"address\":{\"city\":\"Paris\",\"zip\":\"75001\"}}"));

        ObjectNode updated = folder.evolve(created, "CustomerUpdatedEvent",
                json("{\"customerId\":\"c1\",\"name\":\"Ada L.\",\"email\":null,\"address\":{\"city\":\"Lyon\"},\"vatId\":\"FR1\"}"));

        assertThat(updated).isEqualTo(json(
                "{\"customerId\":\"c1\",\"name\":\"Ada L.\",\"email\":\"ada@example.com\",\"address\":{\"city\":\"Lyon\"},\"vatId\":\"FR1\"}"));
    }

    @Test
    void deletedEventMarksTheStateDeletedAndKeepsTheRest() {
        ObjectNode created = folder.evolve(empty(), "CustomerCreatedEvent", json("{\"customerId\":\"c1\",\"name\":\"Ada\"}"));

        ObjectNode deleted = folder.evolve(created, "CustomerDeletedEvent", json("{\"customerId\":\"c1\"}"));

        assertThat(deleted).isEqualTo(json("{\"customerId\":\"c1\",\"name\":\"Ada\",\"deleted\":true}"));
    }

    @Test
    void otherEventTypesDoNotSetDeleted() {
        ObjectNode state = folder.evolve(empty(), "DeletedEventsPurgeScheduled", json("{\"id\":\"x\"}"));

        assertThat(state.has("deleted")).isFalse();
    }

    @Test
    void neverModifiesItsArguments() {
        ObjectNode before = (ObjectNode) json("{\"customerId\":\"c1\",\"name\":\"Ada\"}");
        JsonNode payload = json("{\"name\":\"Grace\",\"tags\":[\"vip\"]}");

        ObjectNode after = folder.evolve(before, "CustomerUpdatedEvent", payload);
        ((com.fasterxml.jackson.databind.node.ArrayNode) after.get("tags")).add("late");

        assertThat(before).isEqualTo(json("{\"customerId\":\"c1\",\"name\":\"Ada\"}"));
        assertThat(payload).isEqualTo(json("{\"name\":\"Grace\",\"tags\":[\"vip\"]}"));
    }

    @Test
    void exactDecimalsSurviveTheFold() {
        ObjectNode state = folder.evolve(empty(), "PriceCreatedEvent", StoredEvents.json("{\"amount\":10.50}".getBytes()));

        assertThat(state.get("amount").decimalValue()).isEqualByComparingTo("10.50");
        assertThat(state.get("amount").toString()).isEqualTo("10.50");
    }

    private static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
