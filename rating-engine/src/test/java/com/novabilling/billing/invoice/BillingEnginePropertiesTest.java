package com.novabilling.billing.invoice;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.billing.period.BillingPeriod;
import com.novabilling.billing.period.ProrationFacts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the billing engine (docs/billing-rules.md §6.3, §6.5, §12, §13.2). */
class BillingEnginePropertiesTest {

    static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant APRIL_1 = Instant.parse("2026-04-01T00:00:00Z");

    @Property
    void theLinesAddUpExactlyToTheTotals(@ForAll("invoices") InvoiceFacts facts) {
        ComputedInvoice invoice = InvoiceCalculator.compute(facts);
        InvoiceTotals totals = invoice.totals();
        CurrencyCode currency = facts.currency();

        assertThat(sum(invoice, currency, true)).isEqualTo(totals.subtotal());
        assertThat(sumOf(invoice, InvoiceLineType.DISCOUNT, currency).negate()).isEqualTo(totals.discountAmount());
        assertThat(sumOf(invoice, InvoiceLineType.TAX, currency)).isEqualTo(totals.taxAmount());
        assertThat(sumOf(invoice, InvoiceLineType.CREDIT_NOTE, currency).negate())
                .isEqualTo(totals.creditNotesAmount());
        Money allLines = invoice.lines().stream().map(InvoiceLine::amount).reduce(Money.zero(currency), Money::plus);
        assertThat(allLines).isEqualTo(totals.amountDue());
        assertThat(totals.discountAmount().compareTo(totals.subtotal())).isLessThanOrEqualTo(0);
        assertThat(totals.amountDue().isNegative()).isFalse();
        // What the coupons and credit notes report consumed is what their lines show.
        assertThat(invoice.coupons().stream().map(CouponConsumption::discount).reduce(Money.zero(currency),
                Money::plus)).isEqualTo(totals.discountAmount());
        assertThat(invoice.creditNotes().stream().map(BalanceDraw::consumed).reduce(Money.zero(currency),
                Money::plus)).isEqualTo(totals.creditNotesAmount());
    }

    @Property
    void eachTaxLineIsRoundedOnceOverTheDiscountedFeesOfItsRate(@ForAll("invoices") InvoiceFacts facts) {
        ComputedInvoice invoice = InvoiceCalculator.compute(facts);
        CouponDiscounts.Result coupons = CouponDiscounts.apply(facts.currency(), facts.fees(), facts.coupons());
        long taxable = 0;
        for (int i = 0; i < facts.fees().size(); i++) {
            taxable += facts.fees().get(i).amount().minor() - coupons.shares()[i];
            assertThat(coupons.shares()[i]).isBetween(0L, facts.fees().get(i).amount().minor());
        }
        long expected = BigDecimal.valueOf(taxable).multiply(facts.defaultTaxRate().percent())
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();

        assertThat(invoice.totals().taxAmount().minor()).isEqualTo(facts.defaultTaxRate().isExempt() ? 0 : expected);
        assertThat(LongStream.of(coupons.shares()).sum()).isEqualTo(invoice.totals().discountAmount().minor());
    }

    @Property
    void largestRemainderSharesSumToTheWholeAndStayWithinTheirWeights(
            @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 1_000_000_000L) Long> weights,
            @ForAll @IntRange(min = 0, max = 1000) int permille) {
        long sum = weights.stream().mapToLong(Long::longValue).sum();
        long total = sum * permille / 1000;

        long[] shares = LargestRemainder.allocate(total, weights);

        assertThat(LongStream.of(shares).sum()).isEqualTo(total);
        for (int i = 0; i < shares.length; i++) {
            assertThat(shares[i]).isBetween(0L, weights.get(i));
            // Each share is within one minor unit of its exact proportion.
            BigDecimal exact = sum == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(total)
                    .multiply(BigDecimal.valueOf(weights.get(i))).divide(BigDecimal.valueOf(sum), 9,
                            RoundingMode.HALF_UP);
            assertThat(BigDecimal.valueOf(shares[i]).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
        }
    }

    @Property
    void anUpgradeCreditPlusTheUsedPartIsThePrice(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long price,
                                                  @ForAll @LongRange(min = 0, max = 2_678_400) long secondIntoMarch,
                                                  @ForAll("currencies") CurrencyCode currency) {
        BillingPeriod march = new BillingPeriod(MARCH_1, APRIL_1);
        Instant at = MARCH_1.plusSeconds(secondIntoMarch);
        ProrationFacts facts = ProrationFacts.at(march, 0, at);
        PlanTerms inAdvance = new PlanTerms("p", null, Money.ofMinor(price, currency), BillingInterval.MONTHLY,
                BillingTiming.IN_ADVANCE);
        PlanTerms inArrears = new PlanTerms("p", null, Money.ofMinor(price, currency), BillingInterval.MONTHLY,
                BillingTiming.IN_ARREARS);

        Money credit = PlanChangeMoney.cancelNow(inAdvance, march, facts, at, List.of()).orderChangeCredit();
        Money used = PlanChangeMoney.cancelNow(inArrears, march, facts, at, List.of()).feesNow().stream()
                .map(FeeLine::amount).reduce(Money.zero(currency), Money::plus);

        assertThat(credit.plus(used)).isEqualTo(Money.ofMinor(price, currency));
        assertThat(credit).isEqualTo(Proration.remainingPart(Money.ofMinor(price, currency), facts));
    }

    @Property
    void splittingAPeriodAtAnySecondsNeverChangesTheBaseFeeBilledForIt(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long price,
            @ForAll @Size(max = 5) List<@LongRange(min = 1, max = 2_678_399) Long> cuts,
            @ForAll("currencies") CurrencyCode currency) {
        // The plan billed IN_ARREARS, cut at each instant (e.g. a same-price change of plan): each stretch bills
        // remainingPart(at its start) − remainingPart(at its end); the stretches of the period add up to the price.
        BillingPeriod march = new BillingPeriod(MARCH_1, APRIL_1);
        Money fee = Money.ofMinor(price, currency);
        List<Long> points = new ArrayList<>(new TreeSet<>(cuts));
        points.add(0, 0L);
        points.add(march.seconds());
        Money billed = Money.zero(currency);
        for (int i = 0; i + 1 < points.size(); i++) {
            ProrationFacts from = ProrationFacts.at(march, 0, MARCH_1.plusSeconds(points.get(i)));
            ProrationFacts to = ProrationFacts.at(march, 0, MARCH_1.plusSeconds(points.get(i + 1)));
            Money stretch = Proration.remainingPart(fee, from).minus(Proration.remainingPart(fee, to));
            assertThat(stretch.isNegative()).isFalse();
            billed = billed.plus(stretch);
        }
        assertThat(billed).isEqualTo(fee);

        // And with one cut, as the engine bills it: the used part now, the remaining part at period end.
        if (!cuts.isEmpty()) {
            Instant at = MARCH_1.plusSeconds(cuts.get(0));
            ProrationFacts atCut = ProrationFacts.at(march, 0, at);
            PlanTerms plan = new PlanTerms("p", null, fee, BillingInterval.MONTHLY, BillingTiming.IN_ARREARS);
            Money now = PlanChangeMoney.upgrade(plan, plan, march, atCut, at, List.of()).feesNow().stream()
                    .map(FeeLine::amount).reduce(Money.zero(currency), Money::plus);
            Money atEnd = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(currency, APRIL_1,
                    new RecurringInvoiceFacts.ClosedPeriod(march, plan, atCut, List.of()), null, List.of(),
                    List.of(), null, List.of(), List.of())).totals().total();
            assertThat(now.plus(atEnd)).isEqualTo(fee);
        }
    }

    @Provide
    Arbitrary<CurrencyCode> currencies() {
        return Arbitraries.of(CurrencyCode.KES, CurrencyCode.UGX, CurrencyCode.NGN, CurrencyCode.XOF);
    }

    @Provide
    Arbitrary<InvoiceFacts> invoices() {
        Arbitrary<CurrencyCode> currency = currencies();
        return currency.flatMap(code -> {
            Arbitrary<List<FeeLine>> fees = Arbitraries.longs().between(0, 10_000_000_000L)
                    .map(minor -> FeeLine.subscription("p", "fee", Money.ofMinor(minor, code), MARCH_1, APRIL_1))
                    .list().ofMaxSize(6);
            Arbitrary<CouponToApply> percentage = Arbitraries.bigDecimals().between(new BigDecimal("0.0001"),
                    new BigDecimal("100")).ofScale(4).map(pct -> CouponToApply.percentage("pct-" + pct, "P", pct,
                    CouponDuration.FOREVER, null));
            Arbitrary<CouponToApply> fixed = Arbitraries.longs().between(1, 5_000_000_000L)
                    .map(minor -> CouponToApply.fixed("fixed-" + minor, "F", Money.ofMinor(minor, code),
                            CouponDuration.ONCE, null));
            Arbitrary<List<CouponToApply>> coupons = Arbitraries.oneOf(percentage, fixed).list().ofMaxSize(3);
            Arbitrary<TaxRate> rate = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("30"))
                    .ofScale(2).map(pct -> new TaxRate("VAT", pct));
            Arbitrary<List<AvailableCredit>> credits = Arbitraries.longs().between(0, 5_000_000_000L)
                    .map(minor -> new AvailableCredit("cn-" + minor, null, MARCH_1, Money.ofMinor(minor, code)))
                    .list().ofMaxSize(3);
            return Combinators.combine(fees, coupons, rate, credits).as((f, c, r, cr) ->
                    InvoiceFacts.of(code, f).withCoupons(c).withTaxRate(r).withCredits(cr));
        });
    }

    private static Money sum(ComputedInvoice invoice, CurrencyCode currency, boolean fees) {
        return invoice.lines().stream().filter(line -> line.type().isFee() == fees).map(InvoiceLine::amount)
                .reduce(Money.zero(currency), Money::plus);
    }

    private static Money sumOf(ComputedInvoice invoice, InvoiceLineType type, CurrencyCode currency) {
        return invoice.lines(type).stream().map(InvoiceLine::amount).reduce(Money.zero(currency), Money::plus);
    }
}
