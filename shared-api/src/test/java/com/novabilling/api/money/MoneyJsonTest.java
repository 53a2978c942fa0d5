package com.novabilling.api.money;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Events carry Money; a strict reader (Axon's default serializer fails on unknown properties) must read them back. */
class MoneyJsonTest {

    private final ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void serialisesOnlyMinorUnitsAndCurrencyAndReadsBack() throws Exception {
        Money money = Money.ofMinor(-4999, CurrencyCode.USD);
        String json = strict.writeValueAsString(money);
        assertThat(json).isEqualTo("{\"minor\":-4999,\"currency\":\"USD\"}");
        assertThat(strict.readValue(json, Money.class)).isEqualTo(money);
    }
}
