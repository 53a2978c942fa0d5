package com.novabilling.command.subscription;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.BillingAnchor;
import com.novabilling.api.subscription.CancelTiming;
import com.novabilling.api.subscription.PlanChangeKind;
import com.novabilling.api.subscription.PlanChangeTiming;
import com.novabilling.api.subscription.SubscriptionCancellationScheduledEvent;
import com.novabilling.api.subscription.SubscriptionCanceledEvent;
import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionMetadataUpdatedEvent;
import com.novabilling.api.subscription.SubscriptionPausedEvent;
import com.novabilling.api.subscription.SubscriptionPeriodClosedEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangeScheduledEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangedEvent;
import com.novabilling.api.subscription.SubscriptionResumedEvent;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.api.subscription.SubscriptionTrialEndedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every subscription event, with its Money and instants, survives Axon's Jackson serializer configured like the
 * app's event serializer (which ignores unknown properties: Money also writes its derived {@code zero} and
 * {@code negative}).
 */
class SubscriptionEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS))
            .build();

    private Object roundTrip(Object event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
        return serializer.deserialize(serialized);
    }

    @Test
    void eventsRoundTrip() {
        String id = "sub_1";
        Money basic = Money.ofMinor(300_000, CurrencyCode.KES);
        Money pro = Money.ofMinor(600_000, CurrencyCode.KES);
        Instant march = Instant.parse("2026-03-01T00:00:00Z");
        Instant change = Instant.parse("2026-03-11T12:00:00Z");
        Instant april = Instant.parse("2026-04-01T00:00:00Z");
        Instant may = Instant.parse("2026-05-01T00:00:00Z");
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("seats", 12);
        metadata.put("tags", List.of("vip"));
        metadata.put("cleared", null);
        List<Object> events = List.of(
                new SubscriptionCreatedEvent(id, "cus_1", "pln_1", BillingInterval.MONTHLY, CurrencyCode.KES, basic,
                        SubscriptionStatus.TRIALING, BillingAnchor.CALENDAR, "Africa/Nairobi", march, march, change,
                        null, march, change, metadata),
                new SubscriptionTrialEndedEvent(id, march, change, "pln_1", BillingInterval.MONTHLY, CurrencyCode.KES,
                        basic, change, change, april),
                new SubscriptionPeriodClosedEvent(id, march, april, "pln_1", BillingInterval.MONTHLY, CurrencyCode.KES,
                        basic, march, 864_000, april, may, "pln_2", BillingInterval.MONTHLY, pro),
                new SubscriptionPeriodClosedEvent(id, march, april, "pln_1", BillingInterval.MONTHLY, CurrencyCode.KES,
                        basic, march, 0, null, null, null, null, null),
                new SubscriptionPausedEvent(id, change, march, april),
                new SubscriptionResumedEvent(id, change, change.plusSeconds(864_000), 864_000, march,
                        april.plusSeconds(864_000), 864_000, 864_000),
                new SubscriptionPlanChangedEvent(id, PlanChangeKind.UPGRADE, PlanChangeTiming.IMMEDIATE, false, change,
                        CurrencyCode.KES, "pln_1", BillingInterval.MONTHLY, basic, "pln_2", BillingInterval.YEARLY,
                        pro, march, april, 2_678_400, 907_200, 1_771_200, false, change, 0, change,
                        Instant.parse("2027-03-11T12:00:00Z"), 0),
                new SubscriptionPlanChangeScheduledEvent(id, PlanChangeKind.DOWNGRADE, change, april,
                        CurrencyCode.KES, "pln_2", pro, "pln_1", BillingInterval.MONTHLY, basic),
                new SubscriptionCancellationScheduledEvent(id, change, april, "pln_1"),
                new SubscriptionCanceledEvent(id, CancelTiming.NOW, SubscriptionStatus.PAUSED, change, "pln_1",
                        CurrencyCode.KES, basic, march, april, 2_678_400, 907_200, 1_771_200),
                new SubscriptionMetadataUpdatedEvent(id, Map.of("team", "ops")));

        for (Object event : events) {
            assertThat(roundTrip(event)).isEqualTo(event);
        }
    }
}
