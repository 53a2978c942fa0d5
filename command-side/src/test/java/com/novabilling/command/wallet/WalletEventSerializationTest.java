package com.novabilling.command.wallet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletDraw;
import com.novabilling.api.wallet.WalletTerminatedEvent;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionFailedEvent;
import com.novabilling.api.wallet.WalletTransactionSettledEvent;
import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.api.wallet.WalletUpdatedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every wallet event survives Axon's Jackson serializer, decimals (credits, rateAmount) included. */
class WalletEventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS))
            .build();

    @Test
    void eventsRoundTrip() {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        Money amount = Money.ofMinor(1_200, CurrencyCode.USD);
        Money zero = Money.zero(CurrencyCode.USD);
        WalletDraw draw = new WalletDraw("wtx_g", WalletTransactionType.GRANTED, at, Money.ofMinor(1_500,
                CurrencyCode.USD), amount, new BigDecimal("8"));
        List<Object> events = List.of(
                new WalletCreatedEvent("wal_1", "cus_1", "Main", CurrencyCode.USD, new BigDecimal("1.5"), 50, at,
                        true, Map.of("k", "v"), at),
                new WalletCreatedEvent("wal_1", "cus_1", null, CurrencyCode.UGX, new BigDecimal("100"), 1, null,
                        false, Map.of(), at),
                new WalletTransactionCreatedEvent("wal_1", "cus_1", "wtx_p", WalletTransactionType.PURCHASED,
                        WalletTransactionStatus.PENDING, new BigDecimal("20"), Money.ofMinor(3_000, CurrencyCode.USD),
                        "inv_1", List.of(), at, zero),
                new WalletTransactionCreatedEvent("wal_1", "cus_1", "wtx_i", WalletTransactionType.INVOICED,
                        WalletTransactionStatus.SETTLED, new BigDecimal("13.333333333"), amount, "inv_2",
                        List.of(draw), at, Money.ofMinor(300, CurrencyCode.USD)),
                new WalletTransactionSettledEvent("wal_1", "cus_1", "wtx_p", amount, at, amount),
                new WalletTransactionFailedEvent("wal_1", "cus_1", "wtx_p", "inv_1", amount, at),
                new WalletUpdatedEvent("wal_1", "Promo", null, 3),
                new WalletTerminatedEvent("wal_1", "cus_1", at, true));

        for (Object event : events) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            Object back = serializer.deserialize(serialized);
            assertThat(back).isEqualTo(event);
        }
    }
}
