package com.novabilling.command.addon;

import com.novabilling.api.addon.AddOnDetails;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.addon.AddOnAppliedEvent;
import com.novabilling.api.addon.AddOnCreatedEvent;
import com.novabilling.api.addon.AddOnDeletedEvent;
import com.novabilling.api.addon.AddOnUpdatedEvent;
import com.novabilling.api.addon.AppliedAddOnInvoicedEvent;
import com.novabilling.api.addon.AppliedAddOnRemovedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The add-on events, with their Money amounts, survive Axon's Jackson serializer configured like the app's event
 * serializer (which ignores unknown properties: Money also writes its derived {@code zero} and {@code negative}).
 */
class AddOnEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS))
            .build();

    @Test
    void eventsRoundTrip() {
        Money usd = Money.ofMinor(2500, CurrencyCode.USD);
        Money ugx = Money.ofMinor(50000, CurrencyCode.UGX);
        List<Object> events = List.of(
                new AddOnCreatedEvent("aon_1", new AddOnDetails("Setup", "setup", "Desc", null, List.of(usd, ugx), Map.of("k", "v"))),
                new AddOnUpdatedEvent("aon_1", new AddOnDetails("Setup", "setup", null, "Onboarding", List.of(ugx), Map.of())),
                new AddOnDeletedEvent("aon_1", "setup"),
                new AddOnAppliedEvent("apa_1", "aon_1", "setup", "Setup", null, "cus_1", null, 3, usd,
                        Money.ofMinor(7500, CurrencyCode.USD)),
                new AppliedAddOnRemovedEvent("apa_1", "cus_1"),
                new AppliedAddOnInvoicedEvent("apa_1", "cus_1", "inv_1"));

        for (Object event : events) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            Object deserialized = serializer.deserialize(serialized);
            assertThat(deserialized).isEqualTo(event);
        }
    }
}
