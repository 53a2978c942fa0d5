package com.novabilling.app.invoice.document;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTextTest {

    @Test
    void amountsHaveTheCurrencysDecimalsAndGrouping() {
        assertThat(MoneyText.format(Money.ofMinor(469800, CurrencyCode.KES))).isEqualTo("KES 4,698.00");
        assertThat(MoneyText.format(Money.ofMinor(50000, CurrencyCode.UGX))).isEqualTo("UGX 50,000");
        assertThat(MoneyText.format(Money.ofMinor(-50000, CurrencyCode.KES))).isEqualTo("-KES 500.00");
        assertThat(MoneyText.format(Money.ofMinor(5, CurrencyCode.USD))).isEqualTo("USD 0.05");
        assertThat(MoneyText.format(Money.ofMinor(0, CurrencyCode.XOF))).isEqualTo("XOF 0");
        assertThat(MoneyText.format(Money.ofMinor(123456789012345L, CurrencyCode.NGN))).isEqualTo("NGN 1,234,567,890,123.45");
    }

    @Test
    void unitPricesKeepTheirOwnPrecisionAndQuantitiesDropTrailingZeros() {
        assertThat(MoneyText.unitPrice(new BigDecimal("0.0025"), CurrencyCode.KES)).isEqualTo("KES 0.0025");
        assertThat(MoneyText.unitPrice(new BigDecimal("3000"), CurrencyCode.KES)).isEqualTo("KES 3,000.00");
        assertThat(MoneyText.unitPrice(new BigDecimal("12.5"), CurrencyCode.UGX)).isEqualTo("UGX 12.5");
        assertThat(MoneyText.quantity(new BigDecimal("600000.000"))).isEqualTo("600,000");
        assertThat(MoneyText.quantity(new BigDecimal("1.50"))).isEqualTo("1.5");
    }

    @Test
    void theServersLocaleChangesNothing() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(MoneyText.format(Money.ofMinor(469800, CurrencyCode.KES))).isEqualTo("KES 4,698.00");
        } finally {
            Locale.setDefault(previous);
        }
    }
}
