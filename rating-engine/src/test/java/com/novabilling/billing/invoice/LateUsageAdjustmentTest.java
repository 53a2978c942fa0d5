package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.money.Money;
import com.novabilling.billing.period.BillingPeriod;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.charge.BillingTiming;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.novabilling.api.money.CurrencyCode.KES;
import static com.novabilling.api.money.CurrencyCode.UGX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/billing-rules.md §16: the money of late usage that re-rates a finalized invoice's window. */
class LateUsageAdjustmentTest {

    static final Instant MARCH_1 = Instant.parse("2027-03-01T00:00:00Z");
    static final Instant APRIL_1 = Instant.parse("2027-04-01T00:00:00Z");
    static final Instant MAY_1 = Instant.parse("2027-05-01T00:00:00Z");
    static final TaxRate VAT = TaxRate.of("VAT", "16");

    private static InvoiceLine usage(long minor, String units, long events, String digest) {
        return FeeLine.usage("chg_1", "Storage", new BigDecimal("0.5"), Money.ofMinor(minor, KES), MARCH_1,
                APRIL_1, "default", List.of(), new InvoiceLineUsage(new BigDecimal(units), events, digest)).line();
    }

    @Test
    void lateMarchUsageOnAFinalizedInvoiceIsTheDifferenceOfTheTwoRatings() {
        // March billed 10 GB × 0.50 = 5.00; a late 4 GB re-rates the window to 14 GB = 7.00: 2.00 more
        LateUsageAdjustment.Difference found = LateUsageAdjustment.difference(Money.ofMinor(500, KES), List.of(),
                List.of(usage(700, "14", 2, "d2")));
        assertThat(found.billedBefore()).isEqualTo(Money.ofMinor(500, KES));
        assertThat(found.reRated()).isEqualTo(Money.ofMinor(700, KES));
        assertThat(found.difference()).isEqualTo(Money.ofMinor(200, KES));
        assertThat(found.isIncrease()).isTrue();
    }

    @Test
    void reRatingTwiceAddsNothingAndASecondLateEventAddsOnlyItsOwnDifference() {
        Money original = Money.ofMinor(500, KES);
        List<InvoiceLine> after = List.of(usage(700, "14", 2, "d2"));
        // the first adjustment (2.00) is billed: the same rating again finds nothing
        LateUsageAdjustment.Difference again = LateUsageAdjustment.difference(original,
                List.of(Money.ofMinor(200, KES)), after);
        assertThat(again.difference().isZero()).isTrue();
        assertThat(again.isIncrease()).isFalse();
        assertThat(again.isDecrease()).isFalse();
        // another 6 GB: only its 3.00
        LateUsageAdjustment.Difference second = LateUsageAdjustment.difference(original,
                List.of(Money.ofMinor(200, KES)), List.of(usage(1_000, "20", 3, "d3")));
        assertThat(second.difference()).isEqualTo(Money.ofMinor(300, KES));
    }

    @Test
    void aDecreaseIsNegativeAndItsCreditNoteCarriesTheTax() {
        LateUsageAdjustment.Difference found = LateUsageAdjustment.difference(Money.ofMinor(700, KES), List.of(),
                List.of(usage(450, "9", 3, "d")));
        assertThat(found.isDecrease()).isTrue();
        assertThat(found.difference()).isEqualTo(Money.ofMinor(-250, KES));
        // 2.50 + VAT 16 % 0.40 = 2.90
        assertThat(LateUsageAdjustment.creditNoteAmount(found.difference(), VAT)).isEqualTo(Money.ofMinor(290, KES));
        assertThat(LateUsageAdjustment.creditNoteAmount(found.difference(), null))
                .isEqualTo(Money.ofMinor(250, KES));
    }

    @Test
    void theAdjustmentLineNamesThePeriodTheOriginalInvoiceAndTheReRatedUsage() {
        List<InvoiceLine> reRated = List.of(usage(700, "14", 2, "d1"), usage(150, "3", 1, "d2"));
        FeeLine line = LateUsageAdjustment.adjustmentLine("inv_march", MARCH_1, APRIL_1, Money.ofMinor(200, KES),
                reRated);
        assertThat(line.type()).isEqualTo(InvoiceLineType.ADJUSTMENT);
        assertThat(line.line().description()).isEqualTo("Late usage for 2027-03-01 – 2027-03-31");
        assertThat(line.line().sourceId()).isEqualTo("inv_march");
        assertThat(line.line().periodStart()).isEqualTo(MARCH_1);
        assertThat(line.line().periodEnd()).isEqualTo(APRIL_1);
        assertThat(line.amount()).isEqualTo(Money.ofMinor(200, KES));
        assertThat(line.line().usage().units()).isEqualByComparingTo("17");
        assertThat(line.line().usage().eventCount()).isEqualTo(3);
        assertThat(line.line().usage().digest()).isEqualTo(UsageDigest.ofTransactionIds(List.of("d1", "d2")));
        assertThatThrownBy(() -> LateUsageAdjustment.adjustmentLine("inv_march", MARCH_1, APRIL_1,
                Money.zero(KES), reRated)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAdjustmentInvoiceIsTheDifferenceTaxedOnce() {
        FeeLine line = LateUsageAdjustment.adjustmentLine("inv_march", MARCH_1, APRIL_1, Money.ofMinor(200, KES),
                List.of(usage(700, "14", 2, "d")));
        ComputedInvoice invoice = LateUsageAdjustment.adjustmentInvoice(KES, line, VAT);
        assertThat(invoice.totals().subtotal()).isEqualTo(Money.ofMinor(200, KES));
        assertThat(invoice.totals().taxAmount()).isEqualTo(Money.ofMinor(32, KES));
        assertThat(invoice.totals().total()).isEqualTo(Money.ofMinor(232, KES));
        assertThat(invoice.lines()).extracting(InvoiceLine::type)
                .containsExactly(InvoiceLineType.ADJUSTMENT, InvoiceLineType.TAX);
    }

    @Test
    void theNextRecurringInvoiceBillsPendingAdjustmentsAfterItsOwnFeesAndTaxesThem() {
        // April's invoice at May 1: KES 3,000.00 in advance + the 2.00 adjustment of March; VAT 16 % of 3,002.00
        PlanTerms plan = new PlanTerms("pln_1", "basic", Money.ofMinor(300_000, KES), BillingInterval.MONTHLY,
                BillingTiming.IN_ADVANCE);
        RecurringInvoiceFacts facts = new RecurringInvoiceFacts(KES, MAY_1,
                new RecurringInvoiceFacts.ClosedPeriod(new BillingPeriod(APRIL_1, MAY_1), plan, null, List.of()),
                new RecurringInvoiceFacts.OpeningPeriod(new BillingPeriod(MAY_1,
                        Instant.parse("2027-06-01T00:00:00Z")), plan, null), List.of(), List.of(), VAT, List.of(),
                List.of());
        FeeLine adjustment = LateUsageAdjustment.adjustmentLine("inv_march", MARCH_1, APRIL_1,
                Money.ofMinor(200, KES), List.of(usage(700, "14", 2, "d")));
        ComputedInvoice april = RecurringInvoice.atBoundary(facts, List.of(adjustment));
        assertThat(april.lines()).extracting(InvoiceLine::type).containsExactly(InvoiceLineType.SUBSCRIPTION,
                InvoiceLineType.ADJUSTMENT, InvoiceLineType.TAX);
        assertThat(april.totals().subtotal()).isEqualTo(Money.ofMinor(300_200, KES));
        assertThat(april.totals().taxAmount()).isEqualTo(Money.ofMinor(48_032, KES));
        assertThat(april.totals().total()).isEqualTo(Money.ofMinor(348_232, KES));
        assertThat(RecurringInvoice.atBoundary(facts)).isEqualTo(RecurringInvoice.atBoundary(facts, List.of()));
    }

    @Test
    void zeroDecimalCurrenciesRoundTheCreditOnce() {
        // UGX: a decrease of 1,001 with VAT 18 % = 180.18 → 1,181
        assertThat(LateUsageAdjustment.creditNoteAmount(Money.ofMinor(-1_001, UGX), TaxRate.of("VAT", "18")))
                .isEqualTo(Money.ofMinor(1_181, UGX));
    }

    @Test
    void theRatingFingerprintIgnoresTheScaleOfUnitsAndLineOrderButNotEventsOrDigests() {
        InvoiceLine ten = usage(500, "10", 1, "d1");
        String rating = LateUsageAdjustment.ratingFingerprint(List.of(ten));
        assertThat(rating).hasSize(64);
        assertThat(LateUsageAdjustment.ratingFingerprint(List.of(usage(500, "10.000", 1, "d1")))).isEqualTo(rating);
        assertThat(LateUsageAdjustment.ratingFingerprint(List.of(usage(500, "10", 2, "d2")))).isNotEqualTo(rating);
        assertThat(LateUsageAdjustment.ratingFingerprint(List.of(usage(501, "10", 1, "d1")))).isNotEqualTo(rating);
        assertThat(LateUsageAdjustment.ratingFingerprint(List.of())).isNotEqualTo(rating);
    }
}
