package com.novabilling.billing.invoice;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.billing.period.BillingPeriod;
import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.ChargeFilter;
import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.MetricFilter;
import com.novabilling.rating.RatingEngine;
import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.aggregation.AggregationType;
import com.novabilling.rating.aggregation.Bucket;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.pricing.ChargeModel;
import com.novabilling.rating.pricing.StandardPricing;
import com.novabilling.rating.pricing.PercentagePricing;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.novabilling.api.money.CurrencyCode.KES;
import static com.novabilling.rating.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/billing-rules.md §13.1: the invoice at a boundary T. */
class RecurringInvoiceTest {

    static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant APRIL_1 = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant MAY_1 = Instant.parse("2026-05-01T00:00:00Z");
    static final BillingPeriod MARCH = new BillingPeriod(MARCH_1, APRIL_1);
    static final BillingPeriod APRIL = new BillingPeriod(APRIL_1, MAY_1);
    static final MetricDefinition CALLS = MetricDefinition.of("calls", AggregationType.COUNT, null);
    static final ChargeDefinition QUARTER_SHILLING = ChargeDefinition.of(KES, new StandardPricing(new BigDecimal("0.25")));

    static Money kes(String major) {
        return Money.ofMajor(new BigDecimal(major), KES);
    }

    static PlanTerms plan(String price, BillingTiming timing) {
        return new PlanTerms("plan-1", "Growth", kes(price), BillingInterval.MONTHLY, timing);
    }

    static RecurringInvoiceFacts.ClosedPeriod closedMarch(PlanTerms plan, List<FeeLine> usage) {
        return new RecurringInvoiceFacts.ClosedPeriod(MARCH, plan, null, usage);
    }

    static RecurringInvoiceFacts atApril1(RecurringInvoiceFacts.ClosedPeriod closed,
                                          RecurringInvoiceFacts.OpeningPeriod opening) {
        return new RecurringInvoiceFacts(KES, APRIL_1, closed, opening, List.of(), List.of(), null, List.of(),
                List.of());
    }

    @Test
    void inAdvanceBillsTheComingPeriodsFeeAndTheClosedPeriodsUsage() {
        List<UsageEvent> events = List.of(event("2026-03-05T00:00:00Z"), event("2026-03-31T23:59:59Z"),
                event("2026-04-01T00:00:00Z"), event("2026-04-02T00:00:00Z"));
        PricedUsage usage = UsageFees.price(new ChargeUsage.Events("charge-1", "API calls", CALLS, QUARTER_SHILLING,
                events, CarriedState.NONE), MARCH_1, APRIL_1);
        PlanTerms plan = plan("3000.00", BillingTiming.IN_ADVANCE);

        ComputedInvoice invoice = RecurringInvoice.atBoundary(atApril1(closedMarch(plan, usage.fees()),
                new RecurringInvoiceFacts.OpeningPeriod(APRIL, plan, null)));

        assertThat(invoice.lines()).extracting(InvoiceLine::type, InvoiceLine::amount, InvoiceLine::periodStart,
                InvoiceLine::periodEnd).containsExactly(
                tuple(InvoiceLineType.SUBSCRIPTION, kes("3000.00"), APRIL_1, MAY_1),
                // pitfall 1: both March events (03-05 and 03-31T23:59:59) and none of April's.
                tuple(InvoiceLineType.USAGE, kes("0.50"), MARCH_1, APRIL_1));
        InvoiceLine usageLine = invoice.lines(InvoiceLineType.USAGE).get(0);
        assertThat(usageLine.usage().units()).isEqualByComparingTo("2");
        assertThat(usageLine.usage().eventCount()).isEqualTo(2);
        assertThat(usageLine.usage().digest()).isEqualTo(UsageDigest.ofTransactionIds(
                List.of(events.get(0).transactionId(), events.get(1).transactionId())));
        assertThat(usageLine.unitAmount()).isEqualByComparingTo("0.25");
        assertThat(usageLine.chargeId()).isEqualTo("charge-1");
        assertThat(usageLine.bucket()).isEqualTo("default");
        assertThat(usageLine.breakdown()).hasSize(1);
        assertThat(invoice.totals().total()).isEqualTo(kes("3000.50"));
    }

    @Test
    void inArrearsBillsTheClosedPeriodsFeeAndUsage() {
        PlanTerms plan = plan("3000.00", BillingTiming.IN_ARREARS);
        ComputedInvoice invoice = RecurringInvoice.atBoundary(atApril1(closedMarch(plan, List.of()),
                new RecurringInvoiceFacts.OpeningPeriod(APRIL, plan, null)));

        assertThat(invoice.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(kes("3000.00"));
            assertThat(line.periodStart()).isEqualTo(MARCH_1);
            assertThat(line.periodEnd()).isEqualTo(APRIL_1);
        });
    }

    @Test
    void theStartBillsTheFirstPeriodInAdvanceAndAnInArrearsStartBillsNothing() {
        RecurringInvoiceFacts.OpeningPeriod march = new RecurringInvoiceFacts.OpeningPeriod(MARCH,
                plan("3000.00", BillingTiming.IN_ADVANCE), null);
        ComputedInvoice start = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(KES, MARCH_1, null, march,
                List.of(), List.of(), null, List.of(), List.of()));
        ComputedInvoice arrearsStart = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(KES, MARCH_1, null,
                new RecurringInvoiceFacts.OpeningPeriod(MARCH, plan("3000.00", BillingTiming.IN_ARREARS), null),
                List.of(), List.of(), null, List.of(), List.of()));

        assertThat(start.totals().total()).isEqualTo(kes("3000.00"));
        assertThat(arrearsStart.lines()).isEmpty();
    }

    @Test
    void aCalendarAlignedShortFirstPeriodBillsItsShareOfTheFee() {
        // Started 03-11 12:00 on a calendar-aligned plan: [03-11 12:00, 04-01) is 1,771,200 s of March's 2,678,400 s.
        Instant start = Instant.parse("2026-03-11T12:00:00Z");
        RecurringInvoiceFacts.OpeningPeriod first = new RecurringInvoiceFacts.OpeningPeriod(
                new BillingPeriod(start, APRIL_1), plan("3000.00", BillingTiming.IN_ADVANCE),
                com.novabilling.billing.period.ProrationFacts.at(MARCH, 0, start));

        ComputedInvoice invoice = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(KES, start, null, first,
                List.of(), List.of(), null, List.of(), List.of()));

        assertThat(invoice.totals().total()).isEqualTo(kes("1983.87"));
    }

    @Test
    void aCancellationAtPeriodEndBillsTheLastUsageAndNoNewFee() {
        FeeLine usage = UsageFees.price(new ChargeUsage.Units("charge-1", "API calls", QUARTER_SHILLING,
                List.of(new ChargeUsage.BucketUnits(Bucket.DEFAULT, new BigDecimal("1234"), 1234, "digest"))),
                MARCH_1, APRIL_1).fees().get(0);

        ComputedInvoice inAdvance = RecurringInvoice.atBoundary(atApril1(
                closedMarch(plan("3000.00", BillingTiming.IN_ADVANCE), List.of(usage)), null));
        ComputedInvoice inArrears = RecurringInvoice.atBoundary(atApril1(
                closedMarch(plan("3000.00", BillingTiming.IN_ARREARS), List.of(usage)), null));

        assertThat(inAdvance.lines()).extracting(InvoiceLine::amount).containsExactly(kes("308.50"));
        assertThat(inArrears.lines()).extracting(InvoiceLine::amount).containsExactly(kes("3000.00"), kes("308.50"));
        assertThat(usage.line().usage()).isEqualTo(new com.novabilling.api.invoice.InvoiceLineUsage(
                new BigDecimal("1234"), 1234, "digest"));
    }

    @Test
    void pendingAddOnsCouponsTaxesAndCreditComeWithTheBoundaryInvoice() {
        PlanTerms plan = plan("3000.00", BillingTiming.IN_ADVANCE);
        PendingAddOn setup = new PendingAddOn("aa-1", "Onboarding", 3, kes("100.00"), kes("300.00"));
        ComputedInvoice invoice = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(KES, APRIL_1,
                closedMarch(plan, List.of()), new RecurringInvoiceFacts.OpeningPeriod(APRIL, plan, null),
                List.of(setup),
                List.of(CouponToApply.percentage("ac", "TEN", BigDecimal.TEN, CouponDuration.FOREVER, null)),
                TaxRate.of("VAT", "16"),
                List.of(new AvailableCredit("cn", "CN-000001", MARCH_1, kes("100.00"))), List.of()));

        assertThat(invoice.lines()).extracting(InvoiceLine::type).containsExactly(InvoiceLineType.SUBSCRIPTION,
                InvoiceLineType.ADD_ON, InvoiceLineType.DISCOUNT, InvoiceLineType.TAX, InvoiceLineType.CREDIT_NOTE);
        InvoiceLine addOn = invoice.lines(InvoiceLineType.ADD_ON).get(0);
        assertThat(addOn.quantity()).isEqualByComparingTo("3");
        assertThat(addOn.unitAmount()).isEqualByComparingTo("100.00");
        assertThat(addOn.sourceId()).isEqualTo("aa-1");
        // 3,300.00 − 330.00 = 2,970.00; VAT 475.20 → 3,445.20; credit 100.00 → 3,345.20 due.
        assertThat(invoice.totals().total()).isEqualTo(kes("3445.20"));
        assertThat(invoice.totals().amountDue()).isEqualTo(kes("3345.20"));
        assertThat(invoice.lines(InvoiceLineType.CREDIT_NOTE).get(0).description()).isEqualTo("Credit note CN-000001");
    }

    @Test
    void usageWithFiltersGivesOneLinePerBucketAndEqualsTheRatingEngine() {
        // Worked example F1 (docs/billing-rules.md §4.4) on an invoice: 22.50 in four lines.
        MetricDefinition metric = CALLS.withFilters(List.of(new MetricFilter("region", List.of("us-east", "eu",
                "us-west")), new MetricFilter("tier", List.of("gold"))));
        ChargeDefinition charge = new ChargeDefinition(ChargeModel.STANDARD, com.novabilling.api.money.CurrencyCode.USD,
                new StandardPricing(new BigDecimal("0.10")), List.of(
                new ChargeFilter(Map.of("region", List.of("us-east")), new StandardPricing(new BigDecimal("0.05"))),
                new ChargeFilter(Map.of("region", List.of("eu")), new StandardPricing(new BigDecimal("0.20"))),
                new ChargeFilter(Map.of("region", List.of("eu"), "tier", List.of("gold")),
                        new StandardPricing(new BigDecimal("0.15")))));
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(event("2026-03-02T00:00:00Z", "region", "us-east"));
        }
        for (int i = 0; i < 50; i++) {
            events.add(event("2026-03-03T00:00:00Z", "region", "eu"));
        }
        for (int i = 0; i < 30; i++) {
            events.add(event("2026-03-04T00:00:00Z", "region", "eu", "tier", "gold"));
        }
        for (int i = 0; i < 20; i++) {
            events.add(event("2026-03-05T00:00:00Z", "region", "us-west"));
        }
        for (int i = 0; i < 10; i++) {
            events.add(event("2026-03-06T00:00:00Z"));
        }

        PricedUsage usage = UsageFees.price(new ChargeUsage.Events("c", "Calls", metric, charge, events,
                CarriedState.NONE), MARCH_1, APRIL_1);

        assertThat(usage.fees()).hasSize(4);
        assertThat(usage.fees()).extracting(fee -> fee.line().usage().eventCount()).containsExactlyInAnyOrder(
                100L, 50L, 30L, 30L);
        Money sum = usage.fees().stream().map(FeeLine::amount).reduce(Money.zero(charge.currency()), Money::plus);
        assertThat(sum).isEqualTo(Money.ofMajor(new BigDecimal("22.50"), charge.currency()));
        assertThat(sum).isEqualTo(RatingEngine.rate(metric, charge, MARCH_1, APRIL_1, events, null).amount());
    }

    @Test
    void pricedUnitsOfAPercentageChargeAreRefused() {
        ChargeDefinition percentage = ChargeDefinition.of(KES, new PercentagePricing(new BigDecimal("1.5"), null,
                null, null, null, null));
        assertThatThrownBy(() -> UsageFees.price(new ChargeUsage.Units("c", "x", percentage, List.of()), MARCH_1,
                APRIL_1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBoundaryMustMatchThePeriods() {
        PlanTerms plan = plan("1.00", BillingTiming.IN_ADVANCE);
        assertThatThrownBy(() -> new RecurringInvoiceFacts(KES, MAY_1, closedMarch(plan, List.of()), null, null,
                null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecurringInvoiceFacts(KES, APRIL_1, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
