package com.novabilling.command.wallet;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.wallet.ConsumeWalletCreditsCommand;
import com.novabilling.api.wallet.CreateWalletCommand;
import com.novabilling.api.wallet.ExpireWalletCommand;
import com.novabilling.api.wallet.FailWalletPurchaseCommand;
import com.novabilling.api.wallet.SettleWalletPurchaseCommand;
import com.novabilling.api.wallet.TerminateWalletCommand;
import com.novabilling.api.wallet.TopUpWalletCommand;
import com.novabilling.api.wallet.UpdateWalletCommand;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletCredits;
import com.novabilling.api.wallet.WalletDraw;
import com.novabilling.api.wallet.WalletTerminatedEvent;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionFailedEvent;
import com.novabilling.api.wallet.WalletTransactionSettledEvent;
import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.api.wallet.WalletUpdatedEvent;
import com.novabilling.command.support.FixtureClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.novabilling.api.money.CurrencyCode.KES;
import static com.novabilling.api.money.CurrencyCode.UGX;
import static com.novabilling.api.money.CurrencyCode.USD;
import static com.novabilling.api.wallet.WalletTransactionStatus.PENDING;
import static com.novabilling.api.wallet.WalletTransactionStatus.SETTLED;
import static com.novabilling.api.wallet.WalletTransactionType.GRANTED;
import static com.novabilling.api.wallet.WalletTransactionType.INVOICED;
import static com.novabilling.api.wallet.WalletTransactionType.PURCHASED;
import static com.novabilling.api.wallet.WalletTransactionType.VOIDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The wallet's rules (docs/billing-rules.md §15) and its worked examples W2–W4 to the minor unit.
 */
class WalletTest {

    static final String ID = "wal_0123456789abcdef01234567";
    static final String CUSTOMER = "cus_1";
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant LATER = Instant.parse("2026-03-15T10:00:00Z");
    static final Instant EXPIRY = Instant.parse("2027-01-01T00:00:00Z");

    private FixtureConfiguration<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
        fixture.registerInjectableResource(new FixtureClock());
        fixture.registerInjectableResource(WalletCustomers.ANY);
        fixture.givenCurrentTime(NOW);
    }

    // ---- helpers

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static Money money(String major, CurrencyCode currency) {
        return Money.ofMajor(dec(major), currency);
    }

    static Money usd(String major) {
        return money(major, USD);
    }

    static Money kes(String major) {
        return money(major, KES);
    }

    static Money ugx(String major) {
        return money(major, UGX);
    }

    static WalletCreatedEvent created(CurrencyCode currency, String rate, boolean requiresPayment, Instant expiry) {
        return new WalletCreatedEvent(ID, CUSTOMER, "Main Wallet", currency, dec(rate), 50, expiry, requiresPayment,
                Map.of(), NOW);
    }

    static WalletTransactionCreatedEvent granted(String id, String credits, Money amount, Instant at, Money balance) {
        return new WalletTransactionCreatedEvent(ID, CUSTOMER, id, GRANTED, SETTLED, dec(credits), amount, null,
                List.of(), at, balance);
    }

    static WalletTransactionCreatedEvent purchased(String id, WalletTransactionStatus status, String credits,
                                                   Money amount, Instant at, Money balance) {
        return new WalletTransactionCreatedEvent(ID, CUSTOMER, id, PURCHASED, status, dec(credits), amount,
                WalletIds.purchaseInvoiceId(id), List.of(), at, balance);
    }

    static WalletTransactionCreatedEvent outbound(String id, WalletTransactionType type, String credits, Money amount,
                                                  String invoiceId, Instant at, Money balance, WalletDraw... draws) {
        return new WalletTransactionCreatedEvent(ID, CUSTOMER, id, type, SETTLED, dec(credits), amount, invoiceId,
                List.of(draws), at, balance);
    }

    static WalletDraw draw(WalletTransactionCreatedEvent from, Money amount, String credits) {
        return new WalletDraw(from.transactionId(), from.type(), from.createdAt(), from.amount(), amount, dec(credits));
    }

    static CreateWalletCommand create(CurrencyCode currency, String rate, String paid, String granted,
                                      Boolean requiresPayment) {
        return new CreateWalletCommand(ID, CUSTOMER, "Main Wallet", currency, rate == null ? null : dec(rate),
                paid == null ? null : dec(paid), granted == null ? null : dec(granted), null, null, requiresPayment,
                null);
    }

    static TopUpWalletCommand topUp(String topUpId, String paid, String granted, String voided) {
        return new TopUpWalletCommand(ID, topUpId, paid == null ? null : dec(paid),
                granted == null ? null : dec(granted), voided == null ? null : dec(voided));
    }

    static String createdTx(WalletTransactionType type) {
        return WalletIds.created(ID, type);
    }

    static String topUpTx(String topUpId, WalletTransactionType type) {
        return WalletIds.topUp(ID, topUpId, type);
    }

    /** Expects a ValidationException naming exactly {@code fields}, in order, and no events. */
    private void refusedOn(List<Object> history, Instant at, Object command, String... fields) {
        List<String> reported = new ArrayList<>();
        fixture.givenCurrentTime(at).andGiven(history)
                .when(command)
                .expectNoEvents()
                .expectException(new CustomMatcher<Object>("a ValidationException") {
                    @Override
                    public boolean matches(Object item) {
                        if (!(item instanceof ValidationException e)) {
                            return false;
                        }
                        reported.clear();
                        e.errors().stream().map(FieldError::field).forEach(reported::add);
                        return true;
                    }
                });
        assertThat(reported).containsExactly(fields);
    }

    private void refusedOn(Object command, String... fields) {
        refusedOn(List.of(), NOW, command, fields);
    }

    // ---- the wallet of W2: USD, rateAmount 1.5, payment required; 20 credits bought (pending), 10 granted

    static final WalletCreatedEvent W2 = created(USD, "1.5", true, null);
    static final WalletTransactionCreatedEvent W2_PURCHASE = purchased(createdTx(PURCHASED), PENDING, "20",
            usd("30.00"), NOW, usd("0.00"));
    static final WalletTransactionCreatedEvent W2_GRANT = granted(createdTx(GRANTED), "10", usd("15.00"), NOW,
            usd("15.00"));

    @Nested
    class Creation {

        @Test
        void onlyCustomerAndCurrencyAreRequiredTheRestDefaults() {
            fixture.givenNoPriorActivity()
                    .when(new CreateWalletCommand(ID, CUSTOMER, null, USD, null, null, null, null, null, null, null))
                    .expectEvents(new WalletCreatedEvent(ID, CUSTOMER, null, USD, BigDecimal.ONE,
                            WalletCredits.DEFAULT_PRIORITY, null, false, Map.of(), NOW));
        }

        @Test
        void theSeedsCreateWalletCurlSettlesPaidAndGrantedAtOnceByDefault() {
            // {"customerId", "name": "Main Wallet", "currency": "USD", "rateAmount": 1.0, "paidCredits": 100,
            //  "grantedCredits": 10, "expirationAt": "2027-01-01T00:00:00Z"}
            fixture.givenNoPriorActivity()
                    .when(new CreateWalletCommand(ID, CUSTOMER, "Main Wallet", USD, dec("1.0"), dec("100"),
                            dec("10"), EXPIRY, null, null, Map.of("source", "seed")))
                    .expectEvents(new WalletCreatedEvent(ID, CUSTOMER, "Main Wallet", USD, dec("1"), 50, EXPIRY,
                                    false, Map.of("source", "seed"), NOW),
                            purchased(createdTx(PURCHASED), SETTLED, "100", usd("100.00"), NOW, usd("100.00")),
                            granted(createdTx(GRANTED), "10", usd("10.00"), NOW, usd("110.00")));
        }

        @Test
        void w2PaidCreditsStayPendingWhenPaymentIsRequiredGrantedSettle() {
            fixture.givenNoPriorActivity()
                    .when(create(USD, "1.5", "20", "10", true))
                    .expectEvents(W2, W2_PURCHASE, W2_GRANT);
            assertThat(W2_PURCHASE.invoiceId()).startsWith("inv_");
        }

        @Test
        void w3UgxTwentyFiveCreditsAtOneHundredAre2500() {
            fixture.givenNoPriorActivity()
                    .when(create(UGX, "100", null, "25", null))
                    .expectEvents(created(UGX, "100", false, null),
                            granted(createdTx(GRANTED), "25", ugx("2500"), NOW, ugx("2500")));
            assertThat(ugx("2500").minor()).isEqualTo(2500);
        }

        @Test
        void creditsAreWorthCreditsTimesRateRoundedOnceHalfUp() {
            // UGX: 3 × 0.5 = 1.5 → 2; KES: 3 × 3.335 = 10.005 → 10.01
            fixture.givenNoPriorActivity()
                    .when(create(UGX, "0.5", null, "3", null))
                    .expectEvents(created(UGX, "0.5", false, null),
                            granted(createdTx(GRANTED), "3", ugx("2"), NOW, ugx("2")));
            fixture.givenNoPriorActivity()
                    .when(create(KES, "3.335", "3", null, null))
                    .expectEvents(created(KES, "3.335", false, null),
                            purchased(createdTx(PURCHASED), SETTLED, "3", kes("10.01"), NOW, kes("10.01")));
        }

        @Test
        void refusesMissingCustomerOrCurrency() {
            refusedOn(new CreateWalletCommand(ID, " ", null, USD, null, null, null, null, null, null, null),
                    "customerId");
            refusedOn(new CreateWalletCommand(ID, CUSTOMER, null, null, null, null, null, null, null, null, null),
                    "currency");
        }

        @Test
        void refusesACustomerThatDoesNotExistOrWasDeleted() {
            FixtureConfiguration<Wallet> noCustomer = new AggregateTestFixture<>(Wallet.class);
            noCustomer.registerInjectableResource(new FixtureClock());
            noCustomer.registerInjectableResource((WalletCustomers) customerId -> false);
            noCustomer.givenNoPriorActivity()
                    .when(create(USD, "1", "10", "5", null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesARateOfZeroOrLessAndNegativeCredits() {
            refusedOn(create(USD, "0", null, null, null), "rateAmount");
            refusedOn(create(USD, "-1.5", null, null, null), "rateAmount");
            refusedOn(create(USD, "1", "-1", null, null), "paidCredits");
            refusedOn(create(USD, "1", null, "-0.5", null), "grantedCredits");
        }

        @Test
        void refusesCreditsWorthLessThanAMinorUnitOrMoreThanNovaBillingHolds() {
            refusedOn(create(USD, "1", "0.004", null, null), "paidCredits");
            refusedOn(create(UGX, "1", null, "0.4", null), "grantedCredits");
            refusedOn(create(USD, "1000000", "1000000000", null, null), "paidCredits");
        }

        @Test
        void refusesAPriorityOutsideOneToFiftyAPastExpiryAndABlankName() {
            refusedOn(new CreateWalletCommand(ID, CUSTOMER, null, USD, null, null, null, null, 0, null, null),
                    "priority");
            refusedOn(new CreateWalletCommand(ID, CUSTOMER, null, USD, null, null, null, null, 51, null, null),
                    "priority");
            refusedOn(new CreateWalletCommand(ID, CUSTOMER, null, USD, null, null, null, NOW, null, null, null),
                    "expirationAt");
            refusedOn(new CreateWalletCommand(ID, CUSTOMER, "  ", USD, null, null, null, null, null, null, null),
                    "name");
        }
    }

    @Nested
    class TopUps {

        static final WalletCreatedEvent USD_WALLET = created(USD, "1", false, null);

        @Test
        void theSeedsTopUpCurlBuysAndGrantsSettledAtOnce() {
            // {"walletId": "wallet_abc", "paidCredits": 50, "grantedCredits": 5}
            fixture.given(USD_WALLET)
                    .when(topUp("t1", "50", "5", null))
                    .expectEvents(purchased(topUpTx("t1", PURCHASED), SETTLED, "50", usd("50.00"), NOW,
                                    usd("50.00")),
                            granted(topUpTx("t1", GRANTED), "5", usd("5.00"), NOW, usd("55.00")));
        }

        @Test
        void paidCreditsOfAWalletRequiringPaymentArePending() {
            fixture.given(W2, W2_PURCHASE, W2_GRANT)
                    .when(topUp("t1", "2", null, null))
                    .expectEvents(purchased(topUpTx("t1", PURCHASED), PENDING, "2", usd("3.00"), NOW, usd("15.00")));
        }

        @Test
        void voidingTakesGrantedCreditBeforePurchasedOldestFirstAndRecordsTheDraws() {
            WalletTransactionCreatedEvent bought = purchased("wtx_p", SETTLED, "20", usd("20.00"), NOW, usd("20.00"));
            WalletTransactionCreatedEvent grant = granted("wtx_g", "15", usd("15.00"), NOW, usd("35.00"));
            fixture.givenCurrentTime(LATER).andGiven(USD_WALLET, bought, grant)
                    .when(topUp("v1", null, null, "18"))
                    .expectEvents(outbound(topUpTx("v1", VOIDED), VOIDED, "18", usd("18.00"), null, LATER,
                            usd("17.00"), draw(grant, usd("15.00"), "15"), draw(bought, usd("3.00"), "3")));
        }

        @Test
        void aVoidInTheSameTopUpMayDrawFromTheGrantMadeJustBefore() {
            fixture.given(USD_WALLET)
                    .when(topUp("t1", null, "5", "2"))
                    .expectEvents(granted(topUpTx("t1", GRANTED), "5", usd("5.00"), NOW, usd("5.00")),
                            outbound(topUpTx("t1", VOIDED), VOIDED, "2", usd("2.00"), null, NOW, usd("3.00"),
                                    new WalletDraw(topUpTx("t1", GRANTED), GRANTED, NOW, usd("5.00"), usd("2.00"),
                                            dec("2"))));
        }

        @Test
        void voidingMoreThanTheSettledBalanceIsAConflictPendingCreditDoesNotCount() {
            fixture.given(W2, W2_PURCHASE, W2_GRANT)
                    .when(topUp("v1", null, null, "11"))
                    .expectNoEvents()
                    .expectException(ConflictException.class)
                    .expectExceptionMessage(containsString("has 10 credits (15.00 USD) settled"));
        }

        @Test
        void repeatingATopUpChangesNothingRepeatingItWithOtherCreditsIsAConflict() {
            WalletTransactionCreatedEvent paid = purchased(topUpTx("t1", PURCHASED), SETTLED, "50", usd("50.00"),
                    NOW, usd("50.00"));
            WalletTransactionCreatedEvent grant = granted(topUpTx("t1", GRANTED), "5", usd("5.00"), NOW,
                    usd("55.00"));
            fixture.given(USD_WALLET, paid, grant)
                    .when(topUp("t1", "50.0", "5", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(USD_WALLET, paid, grant)
                    .when(topUp("t1", "50", "6", null))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
            fixture.given(USD_WALLET, paid, grant)
                    .when(topUp("t1", "50", "5", "1"))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void refusesATopUpOfNothingAndNegativeCredits() {
            refusedOn(List.of(USD_WALLET), NOW, topUp("t1", null, "0", null),
                    "paidCredits", "grantedCredits", "voidedCredits");
            refusedOn(List.of(USD_WALLET), NOW, topUp("t1", null, null, "-1"), "voidedCredits");
            refusedOn(List.of(USD_WALLET), NOW, topUp(" ", "1", null, null), "topUpId");
        }

        @Test
        void aTerminatedOrExpiredWalletTakesNoTopUp() {
            fixture.given(USD_WALLET, new WalletTerminatedEvent(ID, CUSTOMER, NOW, false))
                    .when(topUp("t1", "1", null, null))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
            fixture.givenCurrentTime(EXPIRY).andGiven(created(USD, "1", false, EXPIRY))
                    .when(topUp("t1", "1", null, null))
                    .expectNoEvents()
                    .expectException(ConflictException.class)
                    .expectExceptionMessage(containsString("expired"));
        }
    }

    @Nested
    class Spending {

        @Test
        void w2AnInvoiceOf12TakesTheGrantThePendingPurchaseIsUntouched() {
            fixture.givenCurrentTime(LATER).andGiven(W2, W2_PURCHASE, W2_GRANT)
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_12", usd("12.00")))
                    .expectEvents(outbound(WalletIds.invoiced(ID, "inv_12"), INVOICED, "8", usd("12.00"), "inv_12",
                            LATER, usd("3.00"), draw(W2_GRANT, usd("12.00"), "8")));
            // "12.00 of the 2026-03-01 grant of 15.00"; 3.00 left = 2 credits
            assertThat(WalletCredits.toCredits(usd("3.00"), dec("1.5"))).isEqualByComparingTo("2");
        }

        @Test
        void w2OnceThePurchaseInvoiceIsPaidTheBalanceIs33Or22Credits() {
            WalletTransactionCreatedEvent spent = outbound(WalletIds.invoiced(ID, "inv_12"), INVOICED, "8",
                    usd("12.00"), "inv_12", NOW, usd("3.00"), draw(W2_GRANT, usd("12.00"), "8"));
            fixture.givenCurrentTime(LATER).andGiven(W2, W2_PURCHASE, W2_GRANT, spent)
                    .when(new SettleWalletPurchaseCommand(ID, W2_PURCHASE.transactionId()))
                    .expectEvents(new WalletTransactionSettledEvent(ID, CUSTOMER, W2_PURCHASE.transactionId(),
                            usd("30.00"), LATER, usd("33.00")));
            assertThat(WalletCredits.toCredits(usd("33.00"), dec("1.5"))).isEqualByComparingTo("22");
        }

        @Test
        void w2AfterSettlingTheWholeBalanceIsSpendableGrantFirst() {
            WalletTransactionCreatedEvent spent = outbound(WalletIds.invoiced(ID, "inv_12"), INVOICED, "8",
                    usd("12.00"), "inv_12", NOW, usd("3.00"), draw(W2_GRANT, usd("12.00"), "8"));
            WalletTransactionSettledEvent settled = new WalletTransactionSettledEvent(ID, CUSTOMER,
                    W2_PURCHASE.transactionId(), usd("30.00"), NOW, usd("33.00"));
            fixture.givenCurrentTime(LATER).andGiven(W2, W2_PURCHASE, W2_GRANT, spent, settled)
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_20", usd("20.00")))
                    .expectEvents(outbound(WalletIds.invoiced(ID, "inv_20"), INVOICED, "13.333333333", usd("20.00"),
                            "inv_20", LATER, usd("13.00"), draw(W2_GRANT, usd("3.00"), "2"),
                            draw(W2_PURCHASE, usd("17.00"), "11.333333333")));
        }

        @Test
        void grantedBeforePurchasedThenOldestFirst() {
            Instant jan = Instant.parse("2026-01-10T00:00:00Z");
            Instant feb = Instant.parse("2026-02-10T00:00:00Z");
            WalletTransactionCreatedEvent oldPurchase = purchased("wtx_p1", SETTLED, "50", kes("50.00"), jan,
                    kes("50.00"));
            WalletTransactionCreatedEvent newGrant = granted("wtx_g2", "10", kes("10.00"), feb, kes("60.00"));
            WalletTransactionCreatedEvent oldGrant = granted("wtx_g1", "5", kes("5.00"), jan, kes("65.00"));
            fixture.given(created(KES, "1", false, null), oldPurchase, newGrant, oldGrant)
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_1", kes("20.00")))
                    .expectEvents(outbound(WalletIds.invoiced(ID, "inv_1"), INVOICED, "20", kes("20.00"), "inv_1",
                            NOW, kes("45.00"), draw(oldGrant, kes("5.00"), "5"), draw(newGrant, kes("10.00"), "10"),
                            draw(oldPurchase, kes("5.00"), "5")));
        }

        @Test
        void ugxSpendingToTheUnit() {
            WalletTransactionCreatedEvent grant = granted("wtx_g", "25", ugx("2500"), NOW, ugx("2500"));
            fixture.given(created(UGX, "100", false, null), grant)
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_u", ugx("1234")))
                    .expectEvents(outbound(WalletIds.invoiced(ID, "inv_u"), INVOICED, "12.34", ugx("1234"), "inv_u",
                            NOW, ugx("1266"), draw(grant, ugx("1234"), "12.34")));
        }

        @Test
        void moreThanTheSettledBalanceIsRefusedPendingCreditIsNotSpendable() {
            fixture.given(W2, W2_PURCHASE, W2_GRANT)
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_1", usd("15.01")))
                    .expectNoEvents()
                    .expectException(ConflictException.class)
                    .expectExceptionMessage(containsString("has 10 credits (15.00 USD) settled"));
        }

        @Test
        void anInvoiceSpendsOnceTheSameAmountAgainChangesNothingAnotherIsRefused() {
            WalletTransactionCreatedEvent spent = outbound(WalletIds.invoiced(ID, "inv_12"), INVOICED, "8",
                    usd("12.00"), "inv_12", NOW, usd("3.00"), draw(W2_GRANT, usd("12.00"), "8"));
            fixture.given(W2, W2_PURCHASE, W2_GRANT, spent)
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_12", usd("12.00")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(W2, W2_PURCHASE, W2_GRANT, spent)
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_12", usd("1.00")))
                    .expectNoEvents()
                    .expectException(ConflictException.class)
                    .expectExceptionMessage(containsString("already spent 12.00 USD"));
        }

        @Test
        void refusesNoInvoiceANonPositiveAmountOrAnotherCurrency() {
            List<Object> history = List.of(W2, W2_PURCHASE, W2_GRANT);
            refusedOn(history, NOW, new ConsumeWalletCreditsCommand(ID, null, usd("1.00")), "invoiceId");
            refusedOn(history, NOW, new ConsumeWalletCreditsCommand(ID, "inv_1", usd("0.00")), "amount");
            refusedOn(history, NOW, new ConsumeWalletCreditsCommand(ID, "inv_1", null), "amount");
            refusedOn(history, NOW, new ConsumeWalletCreditsCommand(ID, "inv_1", kes("1.00")), "amount");
        }

        @Test
        void aTerminatedOrExpiredWalletSpendsNothing() {
            fixture.given(W2, W2_GRANT, new WalletTerminatedEvent(ID, CUSTOMER, NOW, false))
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_1", usd("1.00")))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
            // expired by the clock, before the expiry itself ran
            fixture.givenCurrentTime(EXPIRY).andGiven(created(USD, "1", false, EXPIRY),
                            granted("wtx_g", "10", usd("10.00"), NOW, usd("10.00")))
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_1", usd("1.00")))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }

    @Nested
    class WorkedExampleW4 {

        static final WalletTransactionCreatedEvent GRANT = granted("wtx_w1g", "200", kes("200.00"), NOW,
                kes("200.00"));
        static final WalletTransactionCreatedEvent PURCHASE = purchased("wtx_w1p", SETTLED, "800", kes("800.00"), NOW,
                kes("1000.00"));

        @Test
        void walletOneGives200GrantedThen800Purchased() {
            fixture.given(created(KES, "1", false, null), GRANT, PURCHASE)
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_w4", kes("1000.00")))
                    .expectEvents(outbound(WalletIds.invoiced(ID, "inv_w4"), INVOICED, "1000", kes("1000.00"),
                            "inv_w4", NOW, kes("0.00"), draw(GRANT, kes("200.00"), "200"),
                            draw(PURCHASE, kes("800.00"), "800")));
        }

        @Test
        void walletTwoWithOnlyAPendingPurchaseHasNothingToGive() {
            fixture.given(created(KES, "1", true, null),
                            purchased("wtx_w2p", PENDING, "2000", kes("2000.00"), NOW, kes("0.00")))
                    .when(new ConsumeWalletCreditsCommand(ID, "inv_w4", kes("0.01")))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }

    @Nested
    class Purchases {

        @Test
        void aPaidPurchaseInvoiceSettlesThePurchaseOnce() {
            WalletTransactionSettledEvent settled = new WalletTransactionSettledEvent(ID, CUSTOMER,
                    W2_PURCHASE.transactionId(), usd("30.00"), NOW, usd("45.00"));
            fixture.given(W2, W2_PURCHASE, W2_GRANT)
                    .when(new SettleWalletPurchaseCommand(ID, W2_PURCHASE.transactionId()))
                    .expectEvents(settled);
            fixture.given(W2, W2_PURCHASE, W2_GRANT, settled)
                    .when(new SettleWalletPurchaseCommand(ID, W2_PURCHASE.transactionId()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPurchaseSettledAtOnceIgnoresItsInvoiceBeingPaid() {
            WalletTransactionCreatedEvent bought = purchased("wtx_p", SETTLED, "5", usd("5.00"), NOW, usd("5.00"));
            fixture.given(created(USD, "1", false, null), bought)
                    .when(new SettleWalletPurchaseCommand(ID, "wtx_p"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aVoidedPurchaseInvoiceFailsThePendingPurchaseOnce() {
            WalletTransactionFailedEvent failed = new WalletTransactionFailedEvent(ID, CUSTOMER,
                    W2_PURCHASE.transactionId(), W2_PURCHASE.invoiceId(), usd("30.00"), LATER);
            fixture.givenCurrentTime(LATER).andGiven(W2, W2_PURCHASE, W2_GRANT)
                    .when(new FailWalletPurchaseCommand(ID, W2_PURCHASE.transactionId()))
                    .expectEvents(failed);
            fixture.given(W2, W2_PURCHASE, W2_GRANT, failed)
                    .when(new FailWalletPurchaseCommand(ID, W2_PURCHASE.transactionId()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(W2, W2_PURCHASE, W2_GRANT, failed)
                    .when(new SettleWalletPurchaseCommand(ID, W2_PURCHASE.transactionId()))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void aSettledPurchaseCannotFail() {
            WalletTransactionCreatedEvent bought = purchased("wtx_p", SETTLED, "5", usd("5.00"), NOW, usd("5.00"));
            fixture.given(created(USD, "1", false, null), bought)
                    .when(new FailWalletPurchaseCommand(ID, "wtx_p"))
                    .expectNoEvents()
                    .expectException(ConflictException.class)
                    .expectExceptionMessage(containsString("void credits instead"));
        }

        @Test
        void onlyPurchasesOfThisWalletCanSettleOrFail() {
            fixture.given(W2, W2_PURCHASE, W2_GRANT)
                    .when(new SettleWalletPurchaseCommand(ID, "wtx_unknown"))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
            fixture.given(W2, W2_PURCHASE, W2_GRANT)
                    .when(new FailWalletPurchaseCommand(ID, W2_GRANT.transactionId()))
                    .expectNoEvents()
                    .expectException(NotFoundException.class);
        }
    }

    @Nested
    class Updates {

        @Test
        void changesNamePriorityAndExpiryKeepingWhatIsNotGiven() {
            fixture.given(created(USD, "1", false, EXPIRY))
                    .when(new UpdateWalletCommand(ID, null, null, 3))
                    .expectEvents(new WalletUpdatedEvent(ID, "Main Wallet", EXPIRY, 3));
            Instant later = EXPIRY.plusSeconds(86_400);
            fixture.given(created(USD, "1", false, EXPIRY))
                    .when(new UpdateWalletCommand(ID, "Promo", later, null))
                    .expectEvents(new WalletUpdatedEvent(ID, "Promo", later, 50));
        }

        @Test
        void anUpdateThatChangesNothingRecordsNothing() {
            fixture.given(created(USD, "1", false, EXPIRY))
                    .when(new UpdateWalletCommand(ID, "Main Wallet", EXPIRY, 50))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAPriorityOutOfRangeAPastExpiryAndABlankName() {
            List<Object> history = List.of(created(USD, "1", false, EXPIRY));
            refusedOn(history, NOW, new UpdateWalletCommand(ID, null, null, 0), "priority");
            refusedOn(history, NOW, new UpdateWalletCommand(ID, null, NOW.minusSeconds(1), null), "expirationAt");
            refusedOn(history, NOW, new UpdateWalletCommand(ID, "", null, null), "name");
        }

        @Test
        void aTerminatedWalletCannotChange() {
            fixture.given(created(USD, "1", false, null), new WalletTerminatedEvent(ID, CUSTOMER, NOW, false))
                    .when(new UpdateWalletCommand(ID, "x", null, null))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }
    }

    @Nested
    class Ending {

        @Test
        void terminatingVoidsTheSettledRemainderGrantFirstFailsPendingPurchasesAndEndsTheWallet() {
            WalletTransactionCreatedEvent spent = outbound(WalletIds.invoiced(ID, "inv_12"), INVOICED, "8",
                    usd("12.00"), "inv_12", NOW, usd("3.00"), draw(W2_GRANT, usd("12.00"), "8"));
            fixture.givenCurrentTime(LATER).andGiven(W2, W2_PURCHASE, W2_GRANT, spent)
                    .when(new TerminateWalletCommand(ID))
                    .expectEvents(outbound(WalletIds.ended(ID), VOIDED, "2", usd("3.00"), null, LATER, usd("0.00"),
                                    draw(W2_GRANT, usd("3.00"), "2")),
                            new WalletTransactionFailedEvent(ID, CUSTOMER, W2_PURCHASE.transactionId(),
                                    W2_PURCHASE.invoiceId(), usd("30.00"), LATER),
                            new WalletTerminatedEvent(ID, CUSTOMER, LATER, false));
        }

        @Test
        void anEmptyWalletJustEndsTerminatingTwiceIsAConflict() {
            fixture.given(created(USD, "1", false, null))
                    .when(new TerminateWalletCommand(ID))
                    .expectEvents(new WalletTerminatedEvent(ID, CUSTOMER, NOW, false));
            fixture.given(created(USD, "1", false, null), new WalletTerminatedEvent(ID, CUSTOMER, NOW, false))
                    .when(new TerminateWalletCommand(ID))
                    .expectNoEvents()
                    .expectException(ConflictException.class);
        }

        @Test
        void atExpirationAtWhatRemainsIsVoidedAndTheWalletEnds() {
            WalletTransactionCreatedEvent grant = granted("wtx_g", "10", kes("10.00"), NOW, kes("10.00"));
            WalletTransactionCreatedEvent bought = purchased("wtx_p", SETTLED, "4.5", kes("4.50"), NOW,
                    kes("14.50"));
            fixture.givenCurrentTime(EXPIRY).andGiven(created(KES, "1", false, EXPIRY), grant, bought)
                    .when(new ExpireWalletCommand(ID))
                    .expectEvents(outbound(WalletIds.ended(ID), VOIDED, "14.5", kes("14.50"), null, EXPIRY,
                                    kes("0.00"), draw(grant, kes("10.00"), "10"), draw(bought, kes("4.50"), "4.5")),
                            new WalletTerminatedEvent(ID, CUSTOMER, EXPIRY, true));
        }

        @Test
        void aStaleExpiryChangesNothing() {
            // not yet due (the expiry was moved later), no expiry at all, or already ended
            fixture.givenCurrentTime(EXPIRY.minusMillis(1)).andGiven(created(KES, "1", false, EXPIRY))
                    .when(new ExpireWalletCommand(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.givenCurrentTime(EXPIRY).andGiven(created(KES, "1", false, null))
                    .when(new ExpireWalletCommand(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.givenCurrentTime(EXPIRY).andGiven(created(KES, "1", false, EXPIRY),
                            new WalletTerminatedEvent(ID, CUSTOMER, NOW, false))
                    .when(new ExpireWalletCommand(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
