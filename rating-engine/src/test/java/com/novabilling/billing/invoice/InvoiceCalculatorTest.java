package com.novabilling.billing.invoice;

import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.novabilling.api.money.CurrencyCode.KES;
import static com.novabilling.api.money.CurrencyCode.UGX;
import static com.novabilling.api.money.CurrencyCode.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** docs/billing-rules.md §13.2: the order of computation and its worked example I1. */
class InvoiceCalculatorTest {

    static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    static final TaxRate VAT_16 = TaxRate.of("VAT", "16");

    static Money kes(String major) {
        return Money.ofMajor(new BigDecimal(major), KES);
    }

    static Money money(String major, CurrencyCode currency) {
        return Money.ofMajor(new BigDecimal(major), currency);
    }

    static FeeLine fee(String description, Money amount) {
        return FeeLine.subscription("plan", description, amount, MARCH, APRIL);
    }

    static AvailableCredit credit(String id, String issuedAt, Money remaining) {
        return new AvailableCredit(id, null, Instant.parse(issuedAt), remaining);
    }

    @Nested
    class WorkedExampleI1 {

        InvoiceFacts i1() {
            return InvoiceFacts.of(KES, List.of(fee("Base", kes("3000.00")), fee("Usage", kes("1500.00"))))
                    .withCoupons(List.of(CouponToApply.percentage("ac-1", "TEN", BigDecimal.TEN, CouponDuration.ONCE,
                            null)))
                    .withTaxRate(VAT_16)
                    .withCredits(List.of(credit("cn-1", "2026-02-15T00:00:00Z", kes("500.00"))));
        }

        @Test
        void i1EndToEndWithoutWalletsLeaves4198Due() {
            ComputedInvoice invoice = InvoiceCalculator.compute(i1());

            assertThat(invoice.lines()).extracting(InvoiceLine::type).containsExactly(InvoiceLineType.SUBSCRIPTION,
                    InvoiceLineType.SUBSCRIPTION, InvoiceLineType.DISCOUNT, InvoiceLineType.TAX,
                    InvoiceLineType.CREDIT_NOTE);
            assertThat(invoice.lines()).extracting(InvoiceLine::amount).containsExactly(kes("3000.00"),
                    kes("1500.00"), kes("-450.00"), kes("648.00"), kes("-500.00"));
            assertThat(invoice.totals().subtotal()).isEqualTo(kes("4500.00"));
            assertThat(invoice.totals().discountAmount()).isEqualTo(kes("450.00"));
            assertThat(invoice.totals().taxAmount()).isEqualTo(kes("648.00"));
            assertThat(invoice.totals().total()).isEqualTo(kes("4698.00"));
            assertThat(invoice.totals().creditNotesAmount()).isEqualTo(kes("500.00"));
            assertThat(invoice.totals().walletAmount()).isEqualTo(kes("0.00"));
            assertThat(invoice.totals().amountDue()).isEqualTo(kes("4198.00"));
            assertThat(invoice.lines(InvoiceLineType.TAX).get(0).taxRate()).isEqualByComparingTo("16");
            assertThat(invoice.lines(InvoiceLineType.TAX).get(0).description()).isEqualTo("VAT 16 %");
            assertThat(invoice.coupons()).containsExactly(
                    new CouponConsumption("ac-1", kes("450.00"), null, null, true));
            assertThat(invoice.creditNotes()).containsExactly(new BalanceDraw("cn-1", kes("500.00"), kes("0.00")));
            assertThat(invoice.wallets()).isEmpty();
        }

        @Test
        void i1WithTheWalletSeamGivingOneThousandLeaves3198Due() {
            ComputedInvoice invoice = InvoiceCalculator.compute(i1()
                    .withWallets(List.of(new WalletFunds("wallet-1", kes("1000.00")))));

            assertThat(invoice.lines(InvoiceLineType.WALLET)).extracting(InvoiceLine::amount)
                    .containsExactly(kes("-1000.00"));
            assertThat(invoice.totals().total()).isEqualTo(kes("4698.00"));
            assertThat(invoice.totals().walletAmount()).isEqualTo(kes("1000.00"));
            assertThat(invoice.totals().amountDue()).isEqualTo(kes("3198.00"));
            assertThat(invoice.wallets()).containsExactly(new BalanceDraw("wallet-1", kes("1000.00"), kes("0.00")));
        }
    }

    @Nested
    class Coupons {

        @Test
        void aDiscountIsSpreadOverTheFeesByLargestRemainderAndTheSharesAddUp() {
            // 1.00 off 3 fees of 1.00 each: 33 ⅓ each → 33, 33, 33 and the missing cent to the first (ties: earlier).
            InvoiceFacts facts = InvoiceFacts.of(KES, List.of(fee("a", kes("1.00")), fee("b", kes("1.00")),
                            fee("c", kes("1.00"))))
                    .withCoupons(List.of(CouponToApply.fixed("ac", "ONE", kes("1.00"), CouponDuration.FOREVER, null)));

            CouponDiscounts.Result result = CouponDiscounts.apply(KES, facts.fees(), facts.coupons());

            assertThat(result.shares()).containsExactly(34, 33, 33);
            assertThat(LargestRemainder.allocate(100, List.of(200L, 100L, 700L))).containsExactly(20, 10, 70);
            assertThat(LargestRemainder.allocate(10, List.of(1L, 1L, 1L))).containsExactly(4, 3, 3);
            assertThat(LargestRemainder.allocate(2, List.of(1L, 2L, 2L))).containsExactly(0, 1, 1);
            assertThat(LargestRemainder.allocate(5, List.of(0L, 3L, 7L))).containsExactly(0, 2, 3);
        }

        @Test
        void taxIsComputedOnEachFeeLessItsShareOfTheDiscount() {
            // Fee A 100.00 at VAT 16 %, fee B 300.00 exempt; 100.00 off → A takes 25.00, B 75.00; VAT 16 % of 75.00.
            InvoiceFacts facts = InvoiceFacts.of(KES, List.of(fee("A", kes("100.00")),
                            fee("B", kes("300.00")).taxedAt(TaxRate.exempt())))
                    .withCoupons(List.of(CouponToApply.fixed("ac", "OFF", kes("100.00"), CouponDuration.ONCE, null)))
                    .withTaxRate(VAT_16);

            ComputedInvoice invoice = InvoiceCalculator.compute(facts);

            assertThat(invoice.totals().taxAmount()).isEqualTo(kes("12.00"));
            assertThat(invoice.totals().total()).isEqualTo(kes("312.00"));
        }

        @Test
        void aOneTimeFixedCouponLargerThanTheInvoiceKeepsItsRemainderForTheNext() {
            CouponToApply coupon = CouponToApply.fixed("ac", "BIG", kes("500.00"), CouponDuration.ONCE, null);

            ComputedInvoice first = InvoiceCalculator.compute(InvoiceFacts.of(KES, List.of(fee("a", kes("300.00"))))
                    .withCoupons(List.of(coupon)).withTaxRate(VAT_16));

            assertThat(first.totals().discountAmount()).isEqualTo(kes("300.00"));
            assertThat(first.totals().taxAmount()).isEqualTo(kes("0.00"));
            assertThat(first.totals().total()).isEqualTo(kes("0.00"));
            assertThat(first.coupons()).containsExactly(
                    new CouponConsumption("ac", kes("300.00"), null, kes("200.00"), false));

            ComputedInvoice second = InvoiceCalculator.compute(InvoiceFacts.of(KES, List.of(fee("a", kes("300.00"))))
                    .withCoupons(List.of(coupon.withFixedRemaining(first.coupons().get(0).fixedRemaining()))));

            assertThat(second.totals().discountAmount()).isEqualTo(kes("200.00"));
            assertThat(second.totals().total()).isEqualTo(kes("100.00"));
            assertThat(second.coupons()).containsExactly(
                    new CouponConsumption("ac", kes("200.00"), null, kes("0.00"), true));
        }

        @Test
        void couponsApplyInOrderEachOnWhatThePreviousLeft() {
            // 1,000.00 − 10 % = 900.00, then a fixed 100.00 → 800.00, then 50 % of 800.00 = 400.00.
            InvoiceFacts facts = InvoiceFacts.of(KES, List.of(fee("a", kes("600.00")), fee("b", kes("400.00"))))
                    .withCoupons(List.of(
                            CouponToApply.percentage("c1", "TEN", BigDecimal.TEN, CouponDuration.REPEATING, 3),
                            CouponToApply.fixed("c2", "HUNDRED", kes("100.00"), CouponDuration.FOREVER, null),
                            CouponToApply.percentage("c3", "HALF", new BigDecimal("50"), CouponDuration.FOREVER,
                                    null)));

            ComputedInvoice invoice = InvoiceCalculator.compute(facts);

            assertThat(invoice.lines(InvoiceLineType.DISCOUNT)).extracting(InvoiceLine::amount)
                    .containsExactly(kes("-100.00"), kes("-100.00"), kes("-400.00"));
            assertThat(invoice.totals().total()).isEqualTo(kes("400.00"));
            assertThat(invoice.coupons()).containsExactly(
                    new CouponConsumption("c1", kes("100.00"), 2, null, false),
                    new CouponConsumption("c2", kes("100.00"), null, null, false),
                    new CouponConsumption("c3", kes("400.00"), null, null, false));
        }

        @Test
        void aRepeatingCouponOnItsLastPeriodIsExhausted() {
            ComputedInvoice invoice = InvoiceCalculator.compute(InvoiceFacts.of(KES, List.of(fee("a", kes("10.00"))))
                    .withCoupons(List.of(CouponToApply.percentage("c", "X", BigDecimal.ONE, CouponDuration.REPEATING,
                            1))));

            assertThat(invoice.coupons()).containsExactly(new CouponConsumption("c", kes("0.10"), 0, null, true));
        }

        @Test
        void aCouponThatFindsNothingToDiscountOrAnotherCurrencyIsLeftUntouched() {
            InvoiceFacts facts = InvoiceFacts.of(KES, List.of(fee("a", kes("100.00"))))
                    .withCoupons(List.of(
                            CouponToApply.fixed("usd", "USD5", money("5.00", USD), CouponDuration.ONCE, null),
                            CouponToApply.percentage("all", "FREE", new BigDecimal("100"), CouponDuration.ONCE, null),
                            CouponToApply.fixed("later", "K", kes("10.00"), CouponDuration.ONCE, null)));

            ComputedInvoice invoice = InvoiceCalculator.compute(facts);

            assertThat(invoice.totals().discountAmount()).isEqualTo(kes("100.00"));
            assertThat(invoice.coupons()).extracting(CouponConsumption::appliedCouponId).containsExactly("all");
        }

        @Test
        void aPercentageDiscountIsRoundedOnceHalfUp() {
            // 12.5 % of 0.20 = 0.025 → 0.03.
            ComputedInvoice invoice = InvoiceCalculator.compute(InvoiceFacts.of(KES, List.of(fee("a", kes("0.20"))))
                    .withCoupons(List.of(CouponToApply.percentage("c", "X", new BigDecimal("12.5"),
                            CouponDuration.ONCE, null))));

            assertThat(invoice.totals().discountAmount()).isEqualTo(kes("0.03"));
        }
    }

    @Nested
    class Taxes {

        @Test
        void oneTaxLinePerRateAFeeWithItsOwnRateAndTheRestAtTheInvoicesRate() {
            InvoiceFacts facts = InvoiceFacts.of(KES, List.of(fee("base", kes("1000.00")),
                            fee("excise", kes("200.00")).taxedAt(TaxRate.of("Excise", "20")),
                            fee("usage", kes("500.00")),
                            fee("exempt", kes("50.00")).taxedAt(TaxRate.exempt())))
                    .withTaxRate(VAT_16);

            ComputedInvoice invoice = InvoiceCalculator.compute(facts);

            assertThat(invoice.lines(InvoiceLineType.TAX)).extracting(InvoiceLine::description, InvoiceLine::amount)
                    .containsExactly(tuple("VAT 16 %", kes("240.00")),
                            tuple("Excise 20 %", kes("40.00")));
            assertThat(invoice.totals().taxAmount()).isEqualTo(kes("280.00"));
            assertThat(invoice.totals().total()).isEqualTo(kes("2030.00"));
        }

        @Test
        void aTaxLineIsRoundedOnceOverItsFeesNotPerFee() {
            // Two fees of 0.05 at 10 %: per fee 0.005 → 0.01 each would give 0.02; once over 0.10 gives 0.01.
            ComputedInvoice invoice = InvoiceCalculator.compute(InvoiceFacts.of(KES,
                    List.of(fee("a", kes("0.05")), fee("b", kes("0.05")))).withTaxRate(TaxRate.of("VAT", "10")));

            assertThat(invoice.totals().taxAmount()).isEqualTo(kes("0.01"));
        }

        @Test
        void noTaxRateAndAZeroRateProduceNoTaxLine() {
            assertThat(InvoiceCalculator.compute(InvoiceFacts.of(KES, List.of(fee("a", kes("10.00")))))
                    .lines(InvoiceLineType.TAX)).isEmpty();
            assertThat(InvoiceCalculator.compute(InvoiceFacts.of(KES, List.of(fee("a", kes("10.00"))))
                    .withTaxRate(TaxRate.exempt())).lines(InvoiceLineType.TAX)).isEmpty();
        }
    }

    @Nested
    class CreditNotes {

        @Test
        void creditIsDrawnOldestFirstAndWhatIsLeftCarriesForward() {
            InvoiceFacts facts = InvoiceFacts.of(KES, List.of(fee("a", kes("700.00"))))
                    .withCredits(List.of(credit("newer", "2026-02-20T00:00:00Z", kes("400.00")),
                            credit("older", "2026-01-10T00:00:00Z", kes("500.00")),
                            credit("usd", "2026-01-01T00:00:00Z", money("50.00", USD))));

            ComputedInvoice invoice = InvoiceCalculator.compute(facts);

            assertThat(invoice.creditNotes()).containsExactly(
                    new BalanceDraw("older", kes("500.00"), kes("0.00")),
                    new BalanceDraw("newer", kes("200.00"), kes("200.00")));
            assertThat(invoice.totals().total()).isEqualTo(kes("700.00"));
            assertThat(invoice.totals().creditNotesAmount()).isEqualTo(kes("700.00"));
            assertThat(invoice.totals().amountDue()).isEqualTo(kes("0.00"));

            ComputedInvoice next = InvoiceCalculator.compute(InvoiceFacts.of(KES, List.of(fee("a", kes("700.00"))))
                    .withCredits(List.of(credit("newer", "2026-02-20T00:00:00Z",
                            invoice.creditNotes().get(1).remaining()))));

            assertThat(next.totals().creditNotesAmount()).isEqualTo(kes("200.00"));
            assertThat(next.totals().amountDue()).isEqualTo(kes("500.00"));
        }

        @Test
        void anInvoiceOfZeroConsumesNoCredit() {
            ComputedInvoice invoice = InvoiceCalculator.compute(InvoiceFacts.of(KES, List.of())
                    .withCredits(List.of(credit("c", "2026-01-01T00:00:00Z", kes("5.00")))));

            assertThat(invoice.creditNotes()).isEmpty();
            assertThat(invoice.lines()).isEmpty();
            assertThat(invoice.totals().amountDue()).isEqualTo(kes("0.00"));
        }
    }

    @Test
    void aCurrencyWithoutDecimalsRoundsToWholeShillings() {
        // UGX: 10,001 + 5,000; coupon 7.5 % of 15,001 = 1,125.075 → 1,125; VAT 18 % of 13,876 = 2,497.68 → 2,498.
        InvoiceFacts facts = InvoiceFacts.of(UGX, List.of(fee("a", money("10001", UGX)), fee("b", money("5000", UGX))))
                .withCoupons(List.of(CouponToApply.percentage("c", "X", new BigDecimal("7.5"), CouponDuration.ONCE,
                        null)))
                .withTaxRate(TaxRate.of("VAT", "18"))
                .withCredits(List.of(credit("cn", "2026-01-01T00:00:00Z", money("1000", UGX))));

        ComputedInvoice invoice = InvoiceCalculator.compute(facts);

        assertThat(invoice.totals().discountAmount()).isEqualTo(money("1125", UGX));
        assertThat(invoice.totals().taxAmount()).isEqualTo(money("2498", UGX));
        assertThat(invoice.totals().total()).isEqualTo(money("16374", UGX));
        assertThat(invoice.totals().amountDue()).isEqualTo(money("15374", UGX));
    }
}
