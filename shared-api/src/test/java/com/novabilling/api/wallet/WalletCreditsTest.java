package com.novabilling.api.wallet;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static com.novabilling.api.money.CurrencyCode.KES;
import static com.novabilling.api.money.CurrencyCode.UGX;
import static com.novabilling.api.money.CurrencyCode.USD;
import static com.novabilling.api.wallet.WalletTransactionStatus.FAILED;
import static com.novabilling.api.wallet.WalletTransactionStatus.PENDING;
import static com.novabilling.api.wallet.WalletTransactionStatus.SETTLED;
import static com.novabilling.api.wallet.WalletTransactionType.GRANTED;
import static com.novabilling.api.wallet.WalletTransactionType.PURCHASED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wallet rules independent of a wallet's history (docs/billing-rules.md §15). */
class WalletCreditsTest {

    static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");

    static Money money(String major, CurrencyCode currency) {
        return Money.ofMajor(new BigDecimal(major), currency);
    }

    static InboundCredit credit(String id, WalletTransactionType type, WalletTransactionStatus status, Instant at,
                                Money amount, Money remaining) {
        return new InboundCredit(id, type, status, at, amount, remaining);
    }

    @Test
    void moneyIsCreditsTimesRateRoundedOnceHalfUp() {
        assertThat(WalletCredits.toMoney(new BigDecimal("20"), new BigDecimal("1.5"), USD)).isEqualTo(money("30.00", USD));
        assertThat(WalletCredits.toMoney(new BigDecimal("25"), new BigDecimal("100"), UGX)).isEqualTo(money("2500", UGX));
        // the product is exact before the one rounding: just under half a cent stays below it (no 34-digit pre-rounding)
        assertThat(WalletCredits.toMoney(new BigDecimal("1.00499999999999999999999999999999999"), BigDecimal.ONE, USD))
                .isEqualTo(money("1.00", USD));
        assertThat(WalletCredits.toMoney(new BigDecimal("3"), new BigDecimal("0.5"), UGX)).isEqualTo(money("2", UGX));
        assertThat(WalletCredits.toMoney(new BigDecimal("3"), new BigDecimal("3.335"), KES)).isEqualTo(money("10.01", KES));
    }

    @Test
    void creditsAreMoneyOverRateAtNineDecimalsWithoutTrailingZeros() {
        assertThat(WalletCredits.toCredits(money("33.00", USD), new BigDecimal("1.5"))).isEqualTo(new BigDecimal("22"));
        assertThat(WalletCredits.toCredits(money("3.00", USD), new BigDecimal("1.5"))).isEqualTo(new BigDecimal("2"));
        assertThat(WalletCredits.toCredits(money("10.00", USD), new BigDecimal("3")))
                .isEqualTo(new BigDecimal("3.333333333"));
        assertThat(WalletCredits.toCredits(money("2500", UGX), new BigDecimal("1"))).isEqualTo(new BigDecimal("2500"));
        assertThat(WalletCredits.normalize(new BigDecimal("100.00")).toString()).isEqualTo("100");
        assertThat(WalletCredits.normalize(new BigDecimal("0.000")).toString()).isEqualTo("0");
    }

    @Test
    void drawsSettledGrantedCreditFirstThenPurchasedOldestFirst() {
        InboundCredit oldPurchase = credit("p1", PURCHASED, SETTLED, JAN, money("50.00", KES), money("50.00", KES));
        InboundCredit pending = credit("p2", PURCHASED, PENDING, JAN, money("99.00", KES), money("99.00", KES));
        InboundCredit failed = credit("p3", PURCHASED, FAILED, JAN, money("99.00", KES), money("99.00", KES));
        InboundCredit newGrant = credit("g2", GRANTED, SETTLED, FEB, money("10.00", KES), money("10.00", KES));
        InboundCredit oldGrant = credit("g1", GRANTED, SETTLED, JAN, money("15.00", KES), money("5.00", KES));
        List<InboundCredit> credits = List.of(oldPurchase, pending, failed, newGrant, oldGrant);

        assertThat(WalletCredits.spendable(KES, credits)).isEqualTo(money("65.00", KES));
        assertThat(WalletCredits.draw(credits, money("20.00", KES), BigDecimal.ONE)).containsExactly(
                new WalletDraw("g1", GRANTED, JAN, money("15.00", KES), money("5.00", KES), new BigDecimal("5")),
                new WalletDraw("g2", GRANTED, FEB, money("10.00", KES), money("10.00", KES), new BigDecimal("10")),
                new WalletDraw("p1", PURCHASED, JAN, money("50.00", KES), money("5.00", KES), new BigDecimal("5")));
    }

    @Test
    void equalInstantsKeepTheOrderRecorded() {
        InboundCredit first = credit("a", GRANTED, SETTLED, JAN, money("1.00", USD), money("1.00", USD));
        InboundCredit second = credit("b", GRANTED, SETTLED, JAN, money("1.00", USD), money("1.00", USD));
        assertThat(WalletCredits.draw(List.of(first, second), money("1.50", USD), BigDecimal.ONE))
                .extracting(WalletDraw::inboundTransactionId, WalletDraw::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", money("1.00", USD)),
                        org.assertj.core.groups.Tuple.tuple("b", money("0.50", USD)));
    }

    @Test
    void refusesToDrawNothingMoreThanIsSettledOrAnotherCurrency() {
        List<InboundCredit> credits = List.of(
                credit("g", GRANTED, SETTLED, JAN, money("15.00", USD), money("15.00", USD)),
                credit("p", PURCHASED, PENDING, JAN, money("30.00", USD), money("30.00", USD)));
        assertThatThrownBy(() -> WalletCredits.draw(credits, money("15.01", USD), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WalletCredits.draw(credits, money("0.00", USD), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WalletCredits.draw(credits, money("1.00", KES), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record Row(String id, int priority, Instant createdAt) {
    }

    @Test
    void walletsAreSpentByPriorityThenAgeThenId() {
        Comparator<Row> order = WalletCredits.spendingOrder(Row::priority, Row::createdAt, Row::id);
        List<Row> rows = List.of(new Row("d", 50, JAN), new Row("c", 2, JAN), new Row("b", 1, FEB),
                new Row("a", 1, FEB), new Row("e", 1, JAN));
        assertThat(rows.stream().sorted(order).map(Row::id)).containsExactly("e", "a", "b", "c", "d");
    }
}
