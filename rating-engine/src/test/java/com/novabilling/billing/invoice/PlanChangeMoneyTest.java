package com.novabilling.billing.invoice;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.BillingAnchor;
import com.novabilling.billing.period.BillingPeriod;
import com.novabilling.billing.period.BillingSchedule;
import com.novabilling.billing.period.ProrationFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Worked example W1 (docs/billing-rules.md §12): March 2026 = 2,678,400 s, change at
 * 2026-03-11T12:00Z, 907,200 s used, 1,771,200 s remaining. Basic KES 3,000.00 / UGX 50,000, Pro KES 6,000.00 /
 * UGX 120,000.
 */
class PlanChangeMoneyTest {

    static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant APRIL_1 = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant CHANGE = Instant.parse("2026-03-11T12:00:00Z");
    static final BillingPeriod MARCH = new BillingPeriod(MARCH_1, APRIL_1);
    static final ProrationFacts AT_CHANGE = ProrationFacts.at(MARCH, 0, CHANGE);

    static Money money(String major, CurrencyCode currency) {
        return Money.ofMajor(new BigDecimal(major), currency);
    }

    static PlanTerms basic(CurrencyCode currency, BillingTiming timing) {
        return new PlanTerms("basic", "Basic", money(currency == CurrencyCode.KES ? "3000.00" : "50000", currency),
                BillingInterval.MONTHLY, timing);
    }

    static PlanTerms pro(CurrencyCode currency, BillingTiming timing) {
        return new PlanTerms("pro", "Pro", money(currency == CurrencyCode.KES ? "6000.00" : "120000", currency),
                BillingInterval.MONTHLY, timing);
    }

    @ParameterizedTest(name = "W1 upgrade in {0}: credit {1}, charge {2}, net {3}")
    @CsvSource({"KES, 1983.87, 3967.74, 1983.87", "UGX, 33065, 79355, 46290"})
    void w1UpgradeInAdvanceCreditsTheOldRemainingPartChargesTheNewAndNetsAfterTheCreditNote(
            CurrencyCode currency, String credit, String charge, String net) {
        assertThat(AT_CHANGE).isEqualTo(new ProrationFacts(2_678_400, 907_200, 1_771_200));

        PlanChangeSettlement settlement = PlanChangeMoney.upgrade(basic(currency, BillingTiming.IN_ADVANCE),
                pro(currency, BillingTiming.IN_ADVANCE), MARCH, AT_CHANGE, CHANGE, List.of());

        assertThat(settlement.orderChangeCredit()).isEqualTo(money(credit, currency));
        assertThat(settlement.feesNow()).extracting(FeeLine::amount).containsExactly(money(charge, currency));
        InvoiceLine line = settlement.feesNow().get(0).line();
        assertThat(line.type()).isEqualTo(InvoiceLineType.SUBSCRIPTION);
        assertThat(line.sourceId()).isEqualTo("pro");
        assertThat(line.periodStart()).isEqualTo(CHANGE);
        assertThat(line.periodEnd()).isEqualTo(APRIL_1);

        // The ORDER_CHANGE credit note is consumed at step 4 of the immediate invoice.
        ComputedInvoice invoice = InvoiceCalculator.compute(InvoiceFacts.of(currency, settlement.feesNow())
                .withCredits(List.of(new AvailableCredit("cn-order-change", null, CHANGE,
                        settlement.orderChangeCredit()))));

        assertThat(invoice.totals().total()).isEqualTo(money(charge, currency));
        assertThat(invoice.totals().creditNotesAmount()).isEqualTo(money(credit, currency));
        assertThat(invoice.totals().amountDue()).isEqualTo(money(net, currency));
        assertThat(invoice.creditNotes()).containsExactly(new BalanceDraw("cn-order-change", money(credit, currency),
                Money.zero(currency)));
    }

    @ParameterizedTest(name = "W1 upgrade in arrears in {0}: used part {1} now, {2} at period end")
    @CsvSource({"KES, 1016.13, 3967.74", "UGX, 16935, 79355"})
    void w1UpgradeInArrearsBillsTheOldUsedPartNowAndTheNewRemainingPartAtPeriodEnd(CurrencyCode currency,
                                                                                    String usedPart,
                                                                                    String newRemaining) {
        PlanTerms pro = pro(currency, BillingTiming.IN_ARREARS);
        PlanChangeSettlement settlement = PlanChangeMoney.upgrade(basic(currency, BillingTiming.IN_ARREARS), pro,
                MARCH, AT_CHANGE, CHANGE, List.of());

        assertThat(settlement.hasCredit()).isFalse();
        assertThat(settlement.feesNow()).extracting(FeeLine::amount).containsExactly(money(usedPart, currency));
        assertThat(settlement.feesNow().get(0).line().periodStart()).isEqualTo(MARCH_1);
        assertThat(settlement.feesNow().get(0).line().periodEnd()).isEqualTo(CHANGE);

        ComputedInvoice atPeriodEnd = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(currency, APRIL_1,
                new RecurringInvoiceFacts.ClosedPeriod(MARCH, pro, AT_CHANGE, List.of()), null,
                List.of(), List.of(), null, List.of(), List.of()));

        assertThat(atPeriodEnd.lines()).extracting(InvoiceLine::amount).containsExactly(money(newRemaining, currency));
        assertThat(atPeriodEnd.lines().get(0).periodStart()).isEqualTo(CHANGE);
    }

    @Test
    void upgradeToAnotherIntervalCreditsTheOldRemainingPartAndBillsTheFullNewFeeForTheNewPeriod() {
        PlanTerms yearly = new PlanTerms("pro-year", "Pro yearly", money("60000.00", CurrencyCode.KES),
                BillingInterval.YEARLY, BillingTiming.IN_ADVANCE);
        BillingPeriod newPeriod = BillingSchedule.startingAt(CHANGE, BillingInterval.YEARLY,
                BillingAnchor.ANNIVERSARY, ZoneOffset.UTC).periodStartingAt(CHANGE);

        PlanChangeSettlement settlement = PlanChangeMoney.upgradeToOtherInterval(
                basic(CurrencyCode.KES, BillingTiming.IN_ADVANCE), yearly, MARCH, AT_CHANGE, CHANGE, newPeriod,
                List.of());

        assertThat(settlement.orderChangeCredit()).isEqualTo(money("1983.87", CurrencyCode.KES));
        assertThat(settlement.feesNow()).extracting(FeeLine::amount)
                .containsExactly(money("60000.00", CurrencyCode.KES));
        assertThat(settlement.feesNow().get(0).line().periodEnd()).isEqualTo(Instant.parse("2027-03-11T12:00:00Z"));

        PlanChangeSettlement inArrears = PlanChangeMoney.upgradeToOtherInterval(
                basic(CurrencyCode.KES, BillingTiming.IN_ARREARS),
                new PlanTerms("pro-year", null, money("60000.00", CurrencyCode.KES), BillingInterval.YEARLY,
                        BillingTiming.IN_ARREARS), MARCH, AT_CHANGE, CHANGE, newPeriod, List.of());

        assertThat(inArrears.hasCredit()).isFalse();
        assertThat(inArrears.feesNow()).extracting(FeeLine::amount).containsExactly(money("1016.13",
                CurrencyCode.KES));
    }

    @ParameterizedTest(name = "W1 cancel now in {0}: credit note {1} in advance, used part {2} in arrears")
    @CsvSource({"KES, 1983.87, 1016.13", "UGX, 33065, 16935"})
    void w1CancelNow(CurrencyCode currency, String credit, String usedPart) {
        FeeLine usage = FeeLine.subscription("x", "stands for usage", money(currency == CurrencyCode.KES ? "10.00"
                : "10", currency), MARCH_1, CHANGE);

        PlanChangeSettlement inAdvance = PlanChangeMoney.cancelNow(basic(currency, BillingTiming.IN_ADVANCE), MARCH,
                AT_CHANGE, CHANGE, List.of(usage));
        PlanChangeSettlement inArrears = PlanChangeMoney.cancelNow(basic(currency, BillingTiming.IN_ARREARS), MARCH,
                AT_CHANGE, CHANGE, List.of(usage));

        assertThat(inAdvance.orderChangeCredit()).isEqualTo(money(credit, currency));
        assertThat(inAdvance.feesNow()).containsExactly(usage);
        assertThat(inArrears.hasCredit()).isFalse();
        assertThat(inArrears.feesNow()).extracting(FeeLine::amount)
                .containsExactly(money(usedPart, currency), usage.amount());
    }

    @Test
    void w1DowngradeAtPeriodEndBillsBasicInAdvanceWithMarchUsageUnderPro() {
        // Downgrade asked on 03-11: nothing moves then; the 04-01 invoice closes March on Pro and opens April on Basic.
        FeeLine marchUsageUnderPro = FeeLine.usage("charge-pro", "API calls", new BigDecimal("0.25"),
                money("308.50", CurrencyCode.KES), MARCH_1, APRIL_1, "default", List.of(),
                new com.novabilling.api.invoice.InvoiceLineUsage(new BigDecimal("1234"), 1234, "d"));
        BillingPeriod april = new BillingPeriod(APRIL_1, Instant.parse("2026-05-01T00:00:00Z"));

        ComputedInvoice invoice = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(CurrencyCode.KES, APRIL_1,
                new RecurringInvoiceFacts.ClosedPeriod(MARCH, pro(CurrencyCode.KES, BillingTiming.IN_ADVANCE), null,
                        List.of(marchUsageUnderPro)),
                new RecurringInvoiceFacts.OpeningPeriod(april, basic(CurrencyCode.KES, BillingTiming.IN_ADVANCE),
                        null),
                List.of(), List.of(), null, List.of(), List.of()));

        assertThat(invoice.lines()).extracting(InvoiceLine::sourceId, InvoiceLine::amount).containsExactly(
                tuple("basic", money("3000.00", CurrencyCode.KES)),
                tuple("charge-pro", money("308.50", CurrencyCode.KES)));

        ComputedInvoice ugx = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(CurrencyCode.UGX, APRIL_1,
                new RecurringInvoiceFacts.ClosedPeriod(MARCH, pro(CurrencyCode.UGX, BillingTiming.IN_ADVANCE), null,
                        List.of()),
                new RecurringInvoiceFacts.OpeningPeriod(april, basic(CurrencyCode.UGX, BillingTiming.IN_ADVANCE),
                        null),
                List.of(), List.of(), null, List.of(), List.of()));

        assertThat(ugx.totals().total()).isEqualTo(money("50000", CurrencyCode.UGX));
    }

    @ParameterizedTest(name = "W1 pause in {0}: the period is stretched and billed in full, nothing moves at the pause")
    @CsvSource({"KES, 3000.00", "UGX, 50000"})
    void w1PauseMovesNoMoneyAndTheStretchedPeriodBillsTheFullFee(CurrencyCode currency, String fee) {
        // Paused 03-11 12:00 → 03-21 12:00 (864,000 s): March ends on 04-11; April runs [04-11, 05-11).
        BillingSchedule schedule = BillingSchedule.startingAt(MARCH_1, BillingInterval.MONTHLY,
                BillingAnchor.ANNIVERSARY, ZoneOffset.UTC);
        BillingPeriod stretched = MARCH.stretchedBy(864_000);
        assertThat(stretched.end()).isEqualTo(Instant.parse("2026-04-11T00:00:00Z"));
        BillingPeriod next = schedule.stretchedBy(864_000).periodAfter(stretched);
        assertThat(next.start()).isEqualTo(Instant.parse("2026-04-11T00:00:00Z"));
        assertThat(next.end()).isEqualTo(Instant.parse("2026-05-11T00:00:00Z"));

        ComputedInvoice inArrears = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(currency, stretched.end(),
                new RecurringInvoiceFacts.ClosedPeriod(stretched, basic(currency, BillingTiming.IN_ARREARS), null,
                        List.of()),
                new RecurringInvoiceFacts.OpeningPeriod(next, basic(currency, BillingTiming.IN_ARREARS), null),
                List.of(), List.of(), null, List.of(), List.of()));
        ComputedInvoice inAdvance = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(currency, stretched.end(),
                new RecurringInvoiceFacts.ClosedPeriod(stretched, basic(currency, BillingTiming.IN_ADVANCE), null,
                        List.of()),
                new RecurringInvoiceFacts.OpeningPeriod(next, basic(currency, BillingTiming.IN_ADVANCE), null),
                List.of(), List.of(), null, List.of(), List.of()));

        assertThat(inArrears.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(money(fee, currency));
            assertThat(line.periodEnd()).isEqualTo(stretched.end());
        });
        assertThat(inAdvance.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(money(fee, currency));
            assertThat(line.periodStart()).isEqualTo(next.start());
        });
        // A change after the pause prorates over March's own length: the paused seconds are neither used nor left.
        ProrationFacts afterPause = ProrationFacts.at(stretched, 864_000, Instant.parse("2026-04-05T00:00:00Z"));
        assertThat(Proration.remainingPart(money(fee, currency), afterPause).plus(
                Proration.usedPart(money(fee, currency), afterPause))).isEqualTo(money(fee, currency));
    }
}
