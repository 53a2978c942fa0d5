package com.novabilling.command.billing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.lateusage.ClosedUsageWindowReRatedEvent;
import com.novabilling.api.lateusage.ClosedUsageWindowReRatedWithoutDifferenceEvent;
import com.novabilling.api.lateusage.LateUsageAdjustmentBilledEvent;
import com.novabilling.api.lateusage.LateUsageAdjustmentKind;
import com.novabilling.api.lateusage.LateUsagePolicy;
import com.novabilling.api.lateusage.MarkLateUsageAdjustmentBilledCommand;
import com.novabilling.api.lateusage.ReRateClosedUsageWindowCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.billing.invoice.LateUsageAdjustment;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every late-usage message survives Axon's Jackson serializer, lines, digests and the policy included. */
class LateUsageEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS))
            .build();

    @Test
    void messagesRoundTrip() {
        Instant from = Instant.parse("2027-03-01T00:00:00Z");
        Instant to = Instant.parse("2027-04-01T00:00:00Z");
        Instant at = Instant.parse("2027-04-10T12:00:00.123456Z");
        InvoiceLine rated = FeeLine.usage("chg_1", "Storage", new BigDecimal("0.5"), Money.ofMinor(700,
                CurrencyCode.KES), from, to, "default", List.of(), new InvoiceLineUsage(new BigDecimal("14.25"), 2,
                "ab".repeat(32))).line();
        InvoiceLine line = LateUsageAdjustment.adjustmentLine("inv_1", from, to, Money.ofMinor(200, CurrencyCode.KES),
                List.of(rated)).line();
        InvoiceUsageWindow window = new InvoiceUsageWindow("pln_1", from, to);
        List<Object> messages = List.of(
                new ClosedUsageWindowReRatedEvent("lur_1", "inv_1", "sub_1", "cus_1", CurrencyCode.KES, window,
                        "lua_1", 1, List.of(rated), Money.ofMinor(500, CurrencyCode.KES),
                        Money.ofMinor(700, CurrencyCode.KES), Money.ofMinor(200, CurrencyCode.KES),
                        LateUsageAdjustmentKind.NEXT_INVOICE, null, line, at),
                new ClosedUsageWindowReRatedEvent("lur_1", "inv_1", "sub_1", "cus_1", CurrencyCode.UGX, window,
                        "lua_2", 2, List.of(), Money.ofMinor(500, CurrencyCode.UGX), Money.zero(CurrencyCode.UGX),
                        Money.ofMinor(-500, CurrencyCode.UGX), LateUsageAdjustmentKind.CREDIT_NOTE, "cn_1", null, at),
                new ClosedUsageWindowReRatedWithoutDifferenceEvent("lur_1", "inv_1", "sub_1", window, List.of(rated),
                        at),
                new LateUsageAdjustmentBilledEvent("lur_1", "lua_1", "sub_1", "inv_2"),
                new ReRateClosedUsageWindowCommand("lur_1", "inv_1", "sub_1", "cus_1", CurrencyCode.KES, window,
                        Money.ofMinor(500, CurrencyCode.KES), "cd".repeat(32), List.of(rated), LateUsagePolicy.ADJUSTMENT_INVOICE,
                        false, at),
                new MarkLateUsageAdjustmentBilledCommand("lur_1", "lua_1", "inv_2"));
        for (Object message : messages) {
            SerializedObject<byte[]> serialized = serializer.serialize(message, byte[].class);
            Object back = serializer.deserialize(serialized);
            assertThat(back).isEqualTo(message);
        }
    }
}
