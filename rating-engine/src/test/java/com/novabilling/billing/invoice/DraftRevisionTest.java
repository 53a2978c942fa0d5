package com.novabilling.billing.invoice;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.money.Money;
import com.novabilling.rating.aggregation.Bucket;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.novabilling.api.money.CurrencyCode.KES;
import static com.novabilling.billing.invoice.RecurringInvoiceTest.APRIL;
import static com.novabilling.billing.invoice.RecurringInvoiceTest.APRIL_1;
import static com.novabilling.billing.invoice.RecurringInvoiceTest.MARCH;
import static com.novabilling.billing.invoice.RecurringInvoiceTest.MARCH_1;
import static com.novabilling.billing.invoice.RecurringInvoiceTest.QUARTER_SHILLING;
import static com.novabilling.billing.invoice.RecurringInvoiceTest.kes;
import static com.novabilling.billing.invoice.RecurringInvoiceTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/billing-rules.md §13.3: a draft revised during its grace period — late usage, a change that cuts a fee. */
class DraftRevisionTest {

    private static final PlanTerms GROWTH = plan("3000.00", BillingTiming.IN_ADVANCE);
    private static final TaxRate VAT_16 = TaxRate.of("VAT", "16");
    private static final CouponToApply WELCOME_300 = CouponToApply.fixed("applied-1", "WELCOME", kes("300.00"),
            CouponDuration.ONCE, null);
    private static final AvailableCredit CREDIT_1000 = new AvailableCredit("cn-1", "CN-000001",
            Instant.parse("2026-02-10T00:00:00Z"), kes("1000.00"));
    private static final PendingAddOn SETUP = new PendingAddOn("aa-1", "Setup", 1, kes("200.00"), kes("200.00"));

    private static List<FeeLine> calls(long count) {
        return UsageFees.price(new ChargeUsage.Units("charge-1", "API calls", QUARTER_SHILLING,
                List.of(new ChargeUsage.BucketUnits(Bucket.DEFAULT, BigDecimal.valueOf(count), count,
                        "digest-" + count))), MARCH_1, APRIL_1).fees();
    }

    /** The April 1 invoice of an in-advance plan: April's fee, March's usage, a coupon, VAT 16 %, credit 1,000. */
    private static ComputedInvoice issuedWith(List<FeeLine> marchUsage, List<PendingAddOn> addOns) {
        return RecurringInvoice.atBoundary(new RecurringInvoiceFacts(KES, APRIL_1,
                new RecurringInvoiceFacts.ClosedPeriod(MARCH, GROWTH, null, marchUsage),
                new RecurringInvoiceFacts.OpeningPeriod(APRIL, GROWTH, null), addOns, List.of(WELCOME_300), VAT_16,
                List.of(CREDIT_1000), List.of()));
    }

    @Test
    void lateCallsAreRatedIntoTheDraftWithTheDiscountAndCreditAsIssuedAndTaxOnTheNewFees() {
        // issued: 3,000.00 + 2,000 calls × 0.25 = 3,500.00; − 300.00 → 3,200.00; VAT 512.00 → 3,712.00; − 1,000.00
        ComputedInvoice issued = issuedWith(calls(2_000), List.of());
        assertThat(issued.totals().amountDue()).isEqualTo(kes("2712.00"));

        // 400 late calls: 3,600.00; − 300.00 → 3,300.00; VAT 528.00 → 3,828.00; − 1,000.00 → 2,828.00 due
        ComputedInvoice revised = DraftRevision.withUsage(KES, issued.lines(), calls(2_400)).orElseThrow();

        assertThat(revised.totals().subtotal()).isEqualTo(kes("3600.00"));
        assertThat(revised.totals().discountAmount()).isEqualTo(kes("300.00"));
        assertThat(revised.totals().taxAmount()).isEqualTo(kes("528.00"));
        assertThat(revised.totals().total()).isEqualTo(kes("3828.00"));
        assertThat(revised.totals().creditNotesAmount()).isEqualTo(kes("1000.00"));
        assertThat(revised.totals().amountDue()).isEqualTo(kes("2828.00"));
        InvoiceLine usage = revised.lines().stream().filter(line -> line.type() == InvoiceLineType.USAGE)
                .findFirst().orElseThrow();
        assertThat(usage.usage().eventCount()).isEqualTo(2_400);
        assertThat(usage.amount()).isEqualTo(kes("600.00"));
        // the same invoice as if the late calls had been on time (a fixed coupon, credit enough for both)
        assertThat(revised.lines()).isEqualTo(issuedWith(calls(2_400), List.of()).lines());
        assertThat(revised.totals()).isEqualTo(issuedWith(calls(2_400), List.of()).totals());
    }

    @Test
    void theSameUsageChangesNothing() {
        ComputedInvoice issued = issuedWith(calls(2_000), List.of());
        assertThat(DraftRevision.withUsage(KES, issued.lines(), calls(2_000))).isEmpty();
    }

    @Test
    void aDraftThatBilledNoUsageGetsItsUsageLineAfterTheBaseFeeAndBeforeTheAddOns() {
        ComputedInvoice issued = issuedWith(List.of(), List.of(SETUP));

        ComputedInvoice revised = DraftRevision.withUsage(KES, issued.lines(), calls(40)).orElseThrow();

        assertThat(revised.lines()).extracting(InvoiceLine::type).containsExactly(InvoiceLineType.SUBSCRIPTION,
                InvoiceLineType.USAGE, InvoiceLineType.ADD_ON, InvoiceLineType.DISCOUNT, InvoiceLineType.TAX,
                InvoiceLineType.CREDIT_NOTE);
        // 3,000.00 + 10.00 + 200.00 = 3,210.00; − 300.00 → 2,910.00; VAT 465.60 → 3,375.60
        assertThat(revised.totals().total()).isEqualTo(kes("3375.60"));
        assertThat(revised.totals()).isEqualTo(issuedWith(calls(40), List.of(SETUP)).totals());
    }

    @Test
    void anUntaxedDraftStaysUntaxedAndLinesAlwaysAddUpToTheTotals() {
        ComputedInvoice issued = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(KES, APRIL_1,
                new RecurringInvoiceFacts.ClosedPeriod(MARCH, GROWTH, null, calls(3)),
                new RecurringInvoiceFacts.OpeningPeriod(APRIL, GROWTH, null), List.of(), List.of(), null,
                List.of(), List.of()));

        ComputedInvoice revised = DraftRevision.withUsage(KES, issued.lines(), calls(7)).orElseThrow();

        assertThat(revised.totals().taxAmount()).isEqualTo(Money.zero(KES));
        assertThat(revised.totals().total()).isEqualTo(kes("3001.75")); // 3,000.00 + 7 × 0.25 = 1.75
        assertThat(revised.lines().stream().map(InvoiceLine::amount).reduce(Money.zero(KES), Money::plus))
                .isEqualTo(revised.totals().amountDue());
    }

    @Test
    void usageThatWentDownBelowWhatTheCreditDrewIsNotGivenBack() {
        // credit 1,000 covers all of an untaxed 10 × 0.25 draft on a free base fee; fewer units would draw less
        PlanTerms free = plan("0.00", BillingTiming.IN_ADVANCE);
        AvailableCredit big = new AvailableCredit("cn-2", "CN-000002", APRIL_1, kes("1000.00"));
        ComputedInvoice issued = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(KES, APRIL_1,
                new RecurringInvoiceFacts.ClosedPeriod(MARCH, free, null, calls(10)), null, List.of(), List.of(),
                null, List.of(big), List.of()));
        assertThat(issued.totals().amountDue()).isEqualTo(Money.zero(KES));

        Optional<ComputedInvoice> revised = DraftRevision.withUsage(KES, issued.lines(), calls(6));

        assertThat(revised).isEmpty();
    }

    @Test
    void aChangeDuringTheGracePeriodShortensTheDraftsBaseFeeInsteadOfACreditNote() {
        Instant change = Instant.parse("2026-04-11T12:00:00Z");
        ComputedInvoice issued = issuedWith(calls(2_000), List.of());

        // 3,000.00 − 1,950.00 unused = 1,050.00 for [04-01, 04-11 12:00); + 500.00 usage = 1,550.00; − 300.00 →
        // 1,250.00; VAT 200.00 → 1,450.00; − 1,000.00 credit → 450.00 due
        ComputedInvoice cut = DraftRevision.withSubscriptionFeeCut(KES, issued.lines(), "plan-1", change,
                kes("1950.00")).orElseThrow();

        InvoiceLine fee = cut.lines().get(0);
        assertThat(fee.type()).isEqualTo(InvoiceLineType.SUBSCRIPTION);
        assertThat(fee.amount()).isEqualTo(kes("1050.00"));
        assertThat(fee.periodStart()).isEqualTo(APRIL_1);
        assertThat(fee.periodEnd()).isEqualTo(change);
        assertThat(cut.totals().subtotal()).isEqualTo(kes("1550.00"));
        assertThat(cut.totals().taxAmount()).isEqualTo(kes("200.00"));
        assertThat(cut.totals().total()).isEqualTo(kes("1450.00"));
        assertThat(cut.totals().amountDue()).isEqualTo(kes("450.00"));

        assertThat(DraftRevision.withSubscriptionFeeCut(KES, cut.lines(), "plan-1", change, kes("1950.00")))
                .as("the same cut again").isEmpty();
        assertThat(DraftRevision.withSubscriptionFeeCut(KES, issued.lines(), "other-plan", change,
                kes("1950.00"))).as("no fee of that plan").isEmpty();
        assertThat(DraftRevision.withSubscriptionFeeCut(KES, issued.lines(), "plan-1", change,
                kes("3000.01"))).as("more than the fee").isEmpty();
    }
}
