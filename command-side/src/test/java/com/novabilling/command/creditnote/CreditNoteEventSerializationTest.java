package com.novabilling.command.creditnote;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import java.time.Instant;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import com.novabilling.api.creditnote.CreditNoteConsumedEvent;
import com.novabilling.api.creditnote.CreditNoteCreatedEvent;
import com.novabilling.api.creditnote.CreditNoteDraftUpdatedEvent;
import com.novabilling.api.creditnote.CreditNoteFinalizedEvent;
import com.novabilling.api.creditnote.CreditNoteItem;
import com.novabilling.api.creditnote.CreditNoteReason;
import com.novabilling.api.creditnote.CreditNoteStatus;
import com.novabilling.api.creditnote.CreditNoteType;
import com.novabilling.api.creditnote.CreditNoteVoidedEvent;
import com.novabilling.api.invoice.InvoiceCreditAllocatedEvent;
import com.novabilling.api.invoice.InvoiceCreditNoteAppliedEvent;
import com.novabilling.api.invoice.InvoiceCreditReleasedEvent;

/** Every credit note event, and the invoice's credit-note events, survive Axon's Jackson serializer. */
class CreditNoteEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS))
            .build();

    @Test
    void eventsRoundTrip() {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        Money amount = Money.ofMinor(50_000, CurrencyCode.KES);
        Money zero = Money.zero(CurrencyCode.KES);
        List<CreditNoteItem> items = List.of(new CreditNoteItem("Outage", amount), new CreditNoteItem(null, zero));
        List<Object> events = List.of(
                new CreditNoteCreatedEvent("cn_1", "inv_1", "cus_1", CurrencyCode.KES, CreditNoteType.CREDIT,
                        CreditNoteReason.ORDER_CHANGE, "d", items, amount),
                new CreditNoteDraftUpdatedEvent("cn_1", "inv_1", CreditNoteType.OFFSET, CreditNoteReason.OTHER, null,
                        items, amount),
                new CreditNoteFinalizedEvent("cn_1", "inv_1", "cus_1", CurrencyCode.KES, CreditNoteType.CREDIT,
                        "CN-000001", 1, at, amount, amount),
                new CreditNoteConsumedEvent("cn_1", "cus_1", "inv_2", amount, zero),
                new CreditNoteVoidedEvent("cn_1", "inv_1", "cus_1", CreditNoteStatus.FINALIZED, "CN-000001", at),
                new InvoiceCreditAllocatedEvent("inv_1", "cn_1", amount, true, amount),
                new InvoiceCreditReleasedEvent("inv_1", "cn_1", amount, zero),
                new InvoiceCreditNoteAppliedEvent("inv_1", "cn_1", amount, amount, zero));

        for (Object event : events) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            Object back = serializer.deserialize(serialized);
            assertThat(back).isEqualTo(event);
        }
    }
}
