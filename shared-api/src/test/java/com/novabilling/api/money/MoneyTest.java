package com.novabilling.api.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void majorAmountsBecomeExactMinorUnits() {
        assertThat(Money.ofMajor(new BigDecimal("49.99"), CurrencyCode.USD).minor()).isEqualTo(4999);
        assertThat(Money.ofMajor(new BigDecimal("3000.00"), CurrencyCode.KES).minor()).isEqualTo(300000);
        assertThat(Money.ofMajor(new BigDecimal("50000"), CurrencyCode.UGX).minor()).isEqualTo(50000);
        assertThat(Money.ofMajor(new BigDecimal("1000.00"), CurrencyCode.TZS).minor()).isEqualTo(100000);
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefused() {
        assertThatThrownBy(() -> Money.ofMajor(new BigDecimal("10.555"), CurrencyCode.KES))
                .isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> Money.ofMajor(new BigDecimal("100.5"), CurrencyCode.UGX))
                .isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void computedAmountsRoundOnceHalfUp() {
        assertThat(Money.ofMajorRounded(new BigDecimal("10.005"), CurrencyCode.KES).minor()).isEqualTo(1001);
        assertThat(Money.ofMajorRounded(new BigDecimal("2500.5"), CurrencyCode.UGX).minor()).isEqualTo(2501);
        assertThat(Money.ofMajorRounded(new BigDecimal("-0.005"), CurrencyCode.USD).minor()).isEqualTo(-1);
        BigDecimal threeTimesTenCents = new BigDecimal("0.10").multiply(BigDecimal.valueOf(3));
        assertThat(Money.ofMajorRounded(threeTimesTenCents, CurrencyCode.KES).toMajor()).isEqualByComparingTo("0.30");
    }

    @Test
    void aComputedAmountBeyondWhatALongHoldsIsRefusedNotOverflowed() {
        assertThat(Money.ofMajorRounded(new BigDecimal("999999999999999.99"), CurrencyCode.USD).minor())
                .isEqualTo(99_999_999_999_999_999L);
        assertThatThrownBy(() -> Money.ofMajorRounded(new BigDecimal("1e25"), CurrencyCode.USD))
                .isInstanceOf(InvalidAmountException.class).hasMessageContaining("exceeds the largest amount");
        assertThatThrownBy(() -> Money.ofMajorRounded(new BigDecimal("-1e30"), CurrencyCode.UGX))
                .isInstanceOf(InvalidAmountException.class);
    }

    @ParameterizedTest
    @EnumSource(CurrencyCode.class)
    void exponentMatchesIso4217AndRoundTrips(CurrencyCode currency) {
        assertThat(currency.exponent()).isEqualTo(java.util.Currency.getInstance(currency.name()).getDefaultFractionDigits());
        Money m = Money.ofMinor(123456, currency);
        assertThat(Money.ofMajor(m.toMajor(), currency)).isEqualTo(m);
        assertThat(m.toMajor().scale()).isEqualTo(currency.exponent());
    }

    @Test
    void arithmeticRefusesMixedCurrencies() {
        assertThatThrownBy(() -> Money.ofMinor(1, CurrencyCode.USD).plus(Money.ofMinor(1, CurrencyCode.EUR)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
