package com.novabilling.command.coupon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.coupon.CouponUsageRecordedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The coupon usage event, with its Money amounts and null fields, survives Axon's Jackson serializer as the app's. */
class CouponUsageEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS))
            .build();

    @Test
    void eventsRoundTrip() {
        List<Object> events = List.of(
                new CouponUsageRecordedEvent("cpn_1", "apc_1", "cus_1", "inv_1", Money.ofMinor(30000, CurrencyCode.KES),
                        1, null, false),
                new CouponUsageRecordedEvent("cpn_1", "apc_1", "cus_1", "inv_2", Money.ofMinor(300000, CurrencyCode.UGX),
                        null, Money.ofMinor(200000, CurrencyCode.UGX), false),
                new CouponUsageRecordedEvent("cpn_1", "apc_1", "cus_1", "inv_3", Money.ofMinor(0, CurrencyCode.USD),
                        null, null, true));

        for (Object event : events) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            Object deserialized = serializer.deserialize(serialized);
            assertThat(deserialized).isEqualTo(event);
        }
    }
}
