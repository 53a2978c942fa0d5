package com.novabilling.command.plan;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanPrice;
import com.novabilling.api.plan.PlanUpdatedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan events' billing terms survive Axon's Jackson serializer; events stored before them read as not set. */
class PlanEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void billingTermsRoundTrip() {
        List<Object> events = List.of(
                new PlanCreatedEvent("pln_1", "Pro", "pro", null, BillingInterval.MONTHLY, List.of(), 0, true,
                        Map.of(), List.of(new PlanPrice("prc_1", Money.ofMinor(100, CurrencyCode.KES))),
                        BillingTiming.IN_ARREARS, 30, 5),
                new PlanUpdatedEvent("pln_1", "Pro", "pro", null, BillingInterval.MONTHLY, List.of(), 0, true,
                        Map.of(), BillingTiming.IN_ADVANCE, null, 0));
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
        assertThat(old.billingTiming()).isNull();
        assertThat(old.effectiveBillingTiming()).isEqualTo(BillingTiming.IN_ADVANCE);
        assertThat(old.netPaymentTerms()).isNull();
        assertThat(old.invoiceGracePeriodDays()).isNull();
    }
}
