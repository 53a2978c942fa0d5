package com.novabilling.command.charge;

import com.novabilling.api.metric.BillableMetricDetails;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargeFilterPricing;
import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.ChargeRange;
import com.novabilling.api.charge.ChargeUpdatedEvent;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.metric.BillableMetricDeletedEvent;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricRounding;
import com.novabilling.api.metric.BillableMetricUpdatedEvent;
import com.novabilling.api.money.CurrencyCode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metric and charge events survive Axon's Jackson serializer configured like the app's event serializer, with
 * decimals at their exact scale (record equality compares BigDecimal scale: 0.010 is not 0.01).
 */
class ChargeEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS))
            .build();

    @Test
    void eventsRoundTripWithExactDecimals() {
        List<ChargeRange> ranges = List.of(new ChargeRange(new BigDecimal("0"), new BigDecimal("1000"),
                        new BigDecimal("0"), new BigDecimal("0")),
                new ChargeRange(new BigDecimal("1001"), null, new BigDecimal("0.010"), new BigDecimal("1.50")));
        ChargeFilterPricing eu = new ChargeFilterPricing(Map.of("region", List.of("eu")), null, ranges, null);
        ChargeProperties percentage = new ChargeProperties(null, null, null, new BigDecimal("1.5"),
                new BigDecimal("100.00"), new BigDecimal("2"), null, new BigDecimal("200"), new BigDecimal("600"));
        List<Object> events = List.of(
                new BillableMetricCreatedEvent("bm_1", new BillableMetricDetails("API Calls", "api_calls", null, AggregationType.COUNT, null, false, List.of(new BillableMetricFilter("region", List.of("eu", "us-east"))), null)),
                new BillableMetricUpdatedEvent("bm_1", new BillableMetricDetails("Storage", "storage", "GB", AggregationType.SUM, "gb", true, List.of(), new BillableMetricRounding(BillableMetricRounding.Mode.CEIL, 2))),
                new BillableMetricDeletedEvent("bm_1", "storage"),
                new ChargeCreatedEvent("chg_1", "pln_1", "bm_1", CurrencyCode.USD, BillingTiming.IN_ARREARS,
                        ChargeModel.GRADUATED, null, ranges, null, List.of(eu)),
                new ChargeUpdatedEvent("chg_1", "pln_1", "bm_1", CurrencyCode.USD, BillingTiming.IN_ADVANCE,
                        ChargeModel.PERCENTAGE, percentage, null, null, List.of()),
                new ChargeDeletedEvent("chg_1", "pln_1", "bm_1", CurrencyCode.USD));

        for (Object event : events) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            Object deserialized = serializer.deserialize(serialized);
            assertThat(deserialized).isEqualTo(event);
        }
    }

    @Test
    void onlyTheRecordComponentsAreWritten() {
        ChargeUpdatedEvent event = new ChargeUpdatedEvent("chg_1", "pln_1", "bm_1", CurrencyCode.USD,
                BillingTiming.IN_ARREARS, ChargeModel.STANDARD, ChargeProperties.standard(new BigDecimal("0.25")),
                null, null, List.of());

        String json = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("pricing").contains("\"properties\":{\"amount\":0.25}");
    }
}
