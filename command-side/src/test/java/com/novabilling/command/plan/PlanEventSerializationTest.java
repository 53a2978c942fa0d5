package com.novabilling.command.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.PlanPrice;
import com.novabilling.api.plan.PlanUpdatedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan events' billing terms survive Axon's Jackson serializer; events stored before them read as not set. */
class PlanEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void billingTermsRoundTrip() {
        List<Object> events = List.of(
                new PlanCreatedEvent("pln_1", new PlanDetails("Pro", "pro", null, BillingInterval.MONTHLY, List.of(), 0,
                        BillingTiming.IN_ARREARS, 30, 5, true, Map.of()), List.of(new PlanPrice("prc_1",
                        Money.ofMinor(100, CurrencyCode.KES)))),
                new PlanUpdatedEvent("pln_1", new PlanDetails("Pro", "pro", null, BillingInterval.MONTHLY, List.of(), 0,
                        BillingTiming.IN_ADVANCE, null, 0, true, Map.of())));
        for (Object event : events) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
        }
    }

    @Test
    void anEventStoredBeforeBillingTermsHasNoneAndBillsInAdvance() {
        String stored = """
                {"planId":"pln_1","name":"Pro","code":"pro","description":null,"billingInterval":"MONTHLY",
                 "features":[],"trialDays":0,"active":true,"metadata":{}}""";
        PlanUpdatedEvent old = serializer.deserialize(new SimpleSerializedObject<>(
                stored.getBytes(StandardCharsets.UTF_8), byte[].class, PlanUpdatedEvent.class.getName(), null));
        assertThat(old.details().billingTiming()).isNull();
        assertThat(old.details().normalized().billingTiming()).isEqualTo(BillingTiming.IN_ADVANCE);
        assertThat(old.details().netPaymentTerms()).isNull();
        assertThat(old.details().invoiceGracePeriodDays()).isNull();
    }

    @Test
    void theDetailsAreStoredFlatBesideTheIdAndPricesAsBeforeTheyWereGrouped() throws Exception {
        PlanCreatedEvent event = new PlanCreatedEvent("pln_1", new PlanDetails("Pro", "pro", null,
                BillingInterval.MONTHLY, List.of(), 0, BillingTiming.IN_ADVANCE, null, null, true, Map.of()), List.of());
        List<String> fields = new ArrayList<>();
        new ObjectMapper().readTree(serializer.serialize(event, byte[].class).getData()).fieldNames()
                .forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("planId", "name", "code", "description", "billingInterval",
                "features", "trialDays", "active", "metadata", "prices", "billingTiming", "netPaymentTerms",
                "invoiceGracePeriodDays");
    }
}
