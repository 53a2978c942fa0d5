package com.novabilling.command.coupon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.novabilling.api.coupon.CouponCreatedEvent;
import com.novabilling.api.coupon.CouponDetails;
import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.CouponUpdatedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The created and updated events keep the flat JSON they were stored with before their fields were grouped. */
class CouponEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS))
            .build();

    /** As stored in app/src/test/resources/event-stores/catalog-2026-11-30.json. */
    private static final String STORED = "{\"couponId\":\"cpn_5a2538147b357c2d4c8cc79c\",\"name\":\"Old\","
            + "\"code\":\"OLD5\",\"description\":null,\"discount\":{\"type\":\"FIXED_AMOUNT\",\"percentage\":null,"
            + "\"amount\":{\"minor\":500,\"currency\":\"NGN\"}},\"duration\":\"ONCE\",\"durationInPeriods\":null,"
            + "\"maxRedemptions\":null,\"expiresAt\":null,\"planIds\":[],\"active\":true,\"metadata\":{}}";

    @Test
    void storedEventsReadAndWriteTheSameFlatJson() {
        CouponCreatedEvent created = new CouponCreatedEvent("cpn_5a2538147b357c2d4c8cc79c", new CouponDetails("Old",
                "OLD5", null, CouponDiscount.fixed(Money.ofMinor(500, CurrencyCode.NGN)), CouponDuration.ONCE, null,
                null, null, List.of(), true, Map.of()));

        CouponCreatedEvent read = serializer.deserialize(stored(STORED, CouponCreatedEvent.class));
        assertThat(read).isEqualTo(created);
        assertThat(new String(serializer.serialize(created, byte[].class).getData(), StandardCharsets.UTF_8))
                .isEqualTo(STORED);
        CouponUpdatedEvent updated = serializer.deserialize(stored(STORED, CouponUpdatedEvent.class));
        assertThat(updated).isEqualTo(new CouponUpdatedEvent(created.couponId(), created.details()));
    }

    @Test
    void eventsRoundTrip() {
        List<Object> events = List.of(
                new CouponCreatedEvent("cpn_1", new CouponDetails("Welcome", "WELCOME10", "first month",
                        CouponDiscount.percentageOf(new BigDecimal("12.5")), CouponDuration.REPEATING, 3, 10,
                        Instant.parse("2030-01-01T00:00:00Z"), List.of("pln_1"), false, Map.of("campaign", "spring"))),
                new CouponUpdatedEvent("cpn_1", new CouponDetails("Welcome", "WELCOME10", null,
                        CouponDiscount.fixed(Money.ofMinor(500, CurrencyCode.USD)), CouponDuration.FOREVER, null,
                        null, null, List.of(), true, Map.of())));

        for (Object event : events) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
        }
    }

    private static SimpleSerializedObject<byte[]> stored(String json, Class<?> type) {
        return new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class, type.getName(), null);
    }
}
