package com.novabilling.command.invoice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.charge.BreakdownLineKind;
import com.novabilling.api.charge.ChargeEstimateLine;
import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.invoice.InvoiceDraftRevisedEvent;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.invoice.InvoicePaidEvent;
import com.novabilling.api.invoice.InvoicePaymentRecordedEvent;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.api.invoice.InvoiceWalletCreditsAppliedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every invoice event, with its lines (breakdown and usage included), totals and instants, survives Axon's Jackson
 * serializer configured like the app's event serializer.
 */
class InvoiceEventSerializationTest {

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
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        Instant end = Instant.parse("2026-04-01T00:00:00Z");
        Money fee = Money.ofMinor(150_000, CurrencyCode.KES);
        Money zero = Money.zero(CurrencyCode.KES);
        InvoiceLine usage = new InvoiceLine(InvoiceLineType.USAGE, "API calls", new BigDecimal("15000"),
                new BigDecimal("0.0025"), fee, start, end, "chg_1", "pln_1", null, "default",
                List.of(new ChargeEstimateLine("default", BreakdownLineKind.values()[0], 0, BigDecimal.ZERO,
                        new BigDecimal("100"), new BigDecimal("100"), new BigDecimal("0.01"), BigDecimal.ONE,
                        new BigDecimal("2.00"), "first 100")),
                new InvoiceLineUsage(new BigDecimal("15000.5"), 42, "sha256:abc"));
        InvoiceTotals totals = new InvoiceTotals(fee, zero, zero, fee, zero, zero, zero, fee);
        List<Object> events = List.of(
                new InvoiceCreatedEvent("inv_1", "cus_1", "sub_1", CurrencyCode.KES, start, end, null, "n",
                        Map.of("po", "42", "seats", 3), List.of(usage), totals, end.plusSeconds(3600),
                        new InvoiceUsageWindow("pln_1", start, end)),
                new InvoiceDraftRevisedEvent("inv_1", List.of(usage), totals),
                new InvoiceWalletCreditsAppliedEvent("inv_1", "cus_1", List.of(new InvoiceLine(InvoiceLineType.WALLET,
                        "Prepaid credits", null, null, fee.negate(), null, null, null, "wal_1", null, null, List.of(),
                        null)), new InvoiceTotals(fee, zero, zero, fee, zero, fee, zero, zero)),
                new InvoiceFinalizedEvent("inv_1", "cus_1", "sub_1", CurrencyCode.KES, "INV-000001", 1, end,
                        end.plusSeconds(86_400), 1, totals),
                new InvoicePaymentRecordedEvent("inv_1", fee, end, "TRX", InvoicePaymentRecordedEvent.MANUAL, fee,
                        zero),
                new InvoicePaidEvent("inv_1", "cus_1", end),
                new InvoiceVoidedEvent("inv_1", "cus_1", InvoiceStatus.DRAFT, null, end));

        for (Object event : events) {
            assertThat(roundTrip(event)).isEqualTo(event);
        }
    }
}
