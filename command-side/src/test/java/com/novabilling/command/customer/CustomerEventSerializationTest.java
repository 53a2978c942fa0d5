package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The events survive Axon's Jackson serializer (the app's event serializer), metadata included. */
class CustomerEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    private Object roundTrip(Object event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
        return serializer.deserialize(serialized);
    }

    @Test
    void eventsRoundTrip() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("plan", "enterprise");
        metadata.put("seats", 12);
        metadata.put("tags", List.of("vip"));
        metadata.put("nested", Map.of("source", "website"));
        metadata.put("cleared", null);
        List<Object> events = List.of(
                new CustomerCreatedEvent("cus_1", new CustomerDetails("usr_1", "John", "john@example.com", "NG", "NGN", null, null, null, metadata)),
                new CustomerUpdatedEvent("cus_1", new CustomerDetails(null, "John", "john@example.com", null, null, null, null, null, Map.of())),
                new CustomerDeletedEvent("cus_1"));

        for (Object event : events) {
            assertThat(roundTrip(event)).isEqualTo(event);
        }
    }

    @Test
    void billingTermsRoundTripAndAreAbsentFromEventsStoredBeforeThem() {
        List<Object> events = List.of(
                new CustomerCreatedEvent("cus_1", new CustomerDetails(null, "John", "john@example.com", null, null, 30, new BigDecimal("12.3456"), "VAT", Map.of())),
                new CustomerUpdatedEvent("cus_1", new CustomerDetails(null, "John", "john@example.com", null, null, null, BigDecimal.ZERO, null, Map.of())));
        for (Object event : events) {
            assertThat(roundTrip(event)).isEqualTo(event);
        }

        String stored = """
                {"customerId":"cus_1","externalId":null,"name":"John","email":"john@example.com","country":null,
                 "currency":"NGN","metadata":{}}""";
        CustomerUpdatedEvent old = serializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(
                StandardCharsets.UTF_8), byte[].class, CustomerUpdatedEvent.class.getName(), null));
        assertThat(old).isEqualTo(new CustomerUpdatedEvent("cus_1", new CustomerDetails(null, "John", "john@example.com", null, "NGN", null, null, null, Map.of())));
    }
}
