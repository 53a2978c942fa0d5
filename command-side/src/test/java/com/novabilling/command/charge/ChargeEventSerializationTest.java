package com.novabilling.command.charge;

import com.novabilling.api.metric.BillableMetricDetails;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargeDetails;
import com.novabilling.api.charge.ChargeFilterPricing;
import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargePricing;
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
import org.axonframework.serialization.SimpleSerializedObject;
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
                new ChargeCreatedEvent("chg_1", new ChargeDetails("pln_1", "bm_1", CurrencyCode.USD,
                        BillingTiming.IN_ARREARS, new ChargePricing(ChargeModel.GRADUATED, null, ranges, null,
                        List.of(eu)))),
                new ChargeUpdatedEvent("chg_1", new ChargeDetails("pln_1", "bm_1", CurrencyCode.USD,
                        BillingTiming.IN_ADVANCE, new ChargePricing(ChargeModel.PERCENTAGE, percentage, null, null,
                        List.of()))),
                new ChargeDeletedEvent("chg_1", "pln_1", "bm_1", CurrencyCode.USD));

        for (Object event : events) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            Object deserialized = serializer.deserialize(serialized);
            assertThat(deserialized).isEqualTo(event);
        }
    }

    @Test
    void onlyTheRecordComponentsAreWritten() {
        ChargeUpdatedEvent event = new ChargeUpdatedEvent("chg_1", new ChargeDetails("pln_1", "bm_1", CurrencyCode.USD,
                BillingTiming.IN_ARREARS, new ChargePricing(ChargeModel.STANDARD,
                new ChargeProperties(new BigDecimal("0.25"), null, null, null, null, null, null, null, null), null,
                null, List.of())));

        String json = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("pricing").contains("\"properties\":{\"amount\":0.25}");
        assertThat(json).as("flat, in the order of the events stored before the details were grouped").isEqualTo("""
                {"chargeId":"chg_1","planId":"pln_1","billableMetricId":"bm_1","currency":"USD",\
                "billingTiming":"IN_ARREARS","chargeModel":"STANDARD","properties":{"amount":0.25},\
                "graduatedRanges":null,"volumeRanges":null,"filters":[]}""");
    }

    @Test
    void eventsStoredBeforeTheDetailsWereGroupedReadAsBefore() {
        String stored = """
                {"chargeId":"chg_d2d8c7cf816192bd40fba569","planId":"pln_b594140b96606797c180763d",\
                "billableMetricId":"bm_ff81c56e97b5e219abdda008","currency":"KES","billingTiming":"IN_ARREARS",\
                "chargeModel":"GRADUATED","properties":null,"graduatedRanges":[{"fromValue":0,"toValue":100,\
                "perUnitAmount":0,"flatAmount":0},{"fromValue":101,"toValue":null,"perUnitAmount":2,"flatAmount":10}],\
                "volumeRanges":null,"filters":[]}""";
        ChargeCreatedEvent old = serializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(
                StandardCharsets.UTF_8), byte[].class, ChargeCreatedEvent.class.getName(), null));

        assertThat(old).isEqualTo(new ChargeCreatedEvent("chg_d2d8c7cf816192bd40fba569", new ChargeDetails(
                "pln_b594140b96606797c180763d", "bm_ff81c56e97b5e219abdda008", CurrencyCode.KES,
                BillingTiming.IN_ARREARS, new ChargePricing(ChargeModel.GRADUATED, null, List.of(
                        new ChargeRange(new BigDecimal("0"), new BigDecimal("100"), new BigDecimal("0"),
                                new BigDecimal("0")),
                        new ChargeRange(new BigDecimal("101"), null, new BigDecimal("2"), new BigDecimal("10"))),
                        null, List.of()))));
        assertThat(new String(serializer.serialize(old, byte[].class).getData(), StandardCharsets.UTF_8))
                .isEqualTo(stored);
    }
}
