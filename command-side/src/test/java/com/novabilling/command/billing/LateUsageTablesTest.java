package com.novabilling.command.billing;

import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.invoice.InvoiceDraftRevisedEvent;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.api.lateusage.ClosedUsageWindowReRatedEvent;
import com.novabilling.api.lateusage.LateUsageAdjustmentBilledEvent;
import com.novabilling.api.lateusage.LateUsageAdjustmentKind;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.billing.invoice.LateUsageAdjustment;
import com.novabilling.billing.invoice.TaxRate;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/billing-rules.md §16 on the real tenant migrations (no Spring): the billed usage of each windowed invoice, the
 * finalized windows late usage re-rates, and the adjustments waiting for the next invoice; redelivered events change
 * nothing.
 */
class LateUsageTablesTest extends TenantSchemaTest {

    static final Instant MARCH_1 = Instant.parse("2027-03-01T00:00:00Z");
    static final Instant APRIL_1 = Instant.parse("2027-04-01T00:00:00Z");
    static final InvoiceUsageWindow WINDOW = new InvoiceUsageWindow("pln_1", MARCH_1, APRIL_1);

    private final BilledUsageWindowTable windows = new BilledUsageWindowTable(jdbcTemplate);
    private final LateUsageAdjustmentTable adjustments = new LateUsageAdjustmentTable(jdbcTemplate);

    @BeforeEach
    void emptyTables() {
        jdbcTemplate.update("TRUNCATE billed_usage_window, late_usage_adjustment");
    }

    private static Money kes(long minor) {
        return Money.ofMinor(minor, CurrencyCode.KES);
    }

    private static InvoiceLine usage(long minor, long events) {
        return FeeLine.usage("chg_1", "Storage", new BigDecimal("0.5"), kes(minor), MARCH_1, APRIL_1, "default",
                List.of(), new InvoiceLineUsage(BigDecimal.valueOf(minor * 2, 2), events,
                        "d" + events)).line();
    }

    private static InvoiceTotals totals(long subtotal) {
        Money zero = kes(0);
        return new InvoiceTotals(kes(subtotal), zero, zero, kes(subtotal), zero, zero, zero, kes(subtotal));
    }

    private static InvoiceCreatedEvent created(String invoiceId, List<InvoiceLine> lines, long subtotal) {
        return new InvoiceCreatedEvent(invoiceId, "cus_1", "sub_1", CurrencyCode.KES, MARCH_1, APRIL_1, null, null,
                Map.of(), lines, totals(subtotal), null, WINDOW);
    }

    private static InvoiceFinalizedEvent finalized(String invoiceId, long total) {
        return new InvoiceFinalizedEvent(invoiceId, "cus_1", "sub_1", CurrencyCode.KES, "INV-000001", 1, APRIL_1,
                APRIL_1, 0, totals(total));
    }

    @Test
    void aFinalizedInvoiceKeepsItsBilledUsageAndIsFoundByTheLateEventsOfItsWindow() {
        InvoiceLine fee = FeeLine.subscription("pln_1", "Basic", kes(300_000), APRIL_1,
                Instant.parse("2027-05-01T00:00:00Z")).line();
        windows.on(created("inv_march", List.of(fee, usage(500, 1)), 300_500));
        windows.on(created("inv_march", List.of(fee, usage(999, 9)), 300_999)); // redelivered: unchanged
        assertThat(windows.finalizedBilling("sub_1", MARCH_1, APRIL_1)).as("a draft").isEmpty();
        assertThat(windows.lockFinalized("inv_march")).isEmpty();

        windows.on(new InvoiceDraftRevisedEvent("inv_march", List.of(fee, usage(700, 2)), totals(300_700)));
        windows.on(finalized("inv_march", 300_700));

        List<BilledUsageWindowTable.BilledWindow> found = windows.finalizedBilling("sub_1",
                Instant.parse("2027-03-20T00:00:00Z"), Instant.parse("2027-03-20T00:00:01Z"));
        assertThat(found).singleElement().satisfies(window -> {
            assertThat(window.invoiceId()).isEqualTo("inv_march");
            assertThat(window.window()).isEqualTo(WINDOW);
            assertThat(window.currency()).isEqualTo(CurrencyCode.KES);
            assertThat(window.usageBilled()).isEqualTo(kes(700));
            assertThat(window.usageRating())
                    .isEqualTo(LateUsageAdjustment.ratingFingerprint(List.of(fee, usage(700, 2))));
            assertThat(window.billedTax()).as("no TAX line: exempt").isEqualTo(TaxRate.exempt());
        });
        assertThat(windows.finalizedBilling("sub_1", APRIL_1, APRIL_1.plusSeconds(1))).as("after the window")
                .isEmpty();
        assertThat(windows.finalizedBilling("sub_other", MARCH_1, APRIL_1)).isEmpty();
        assertThat(windows.lockFinalized("inv_march")).isPresent();

        windows.on(new InvoiceVoidedEvent("inv_march", "cus_1", InvoiceStatus.FINALIZED, "INV-000001", APRIL_1));
        assertThat(windows.finalizedBilling("sub_1", MARCH_1, APRIL_1)).as("voided").isEmpty();
    }

    @Test
    void aNextInvoiceAdjustmentWaitsUntilAnInvoiceBillsIt() {
        InvoiceLine rated = usage(700, 2);
        String reRating = LateUsageIds.reRatingOf("inv_march");
        String adjustmentId = LateUsageIds.adjustment(reRating, 1);
        InvoiceLine line = LateUsageAdjustment.adjustmentLine("inv_march", MARCH_1, APRIL_1, kes(200), List.of(rated))
                .line();
        ClosedUsageWindowReRatedEvent event = new ClosedUsageWindowReRatedEvent(reRating, "inv_march", "sub_1",
                "cus_1", CurrencyCode.KES, WINDOW, adjustmentId, 1, List.of(rated), kes(500), kes(700), kes(200),
                LateUsageAdjustmentKind.NEXT_INVOICE, null, line, APRIL_1.plusSeconds(3600));
        adjustments.on(event);
        adjustments.on(event); // redelivered

        List<LateUsageAdjustmentTable.Adjustment> pending = adjustments.pendingFor("sub_1", CurrencyCode.KES);
        assertThat(pending).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.adjustmentId()).isEqualTo(adjustmentId);
            assertThat(adjustment.reRatingId()).isEqualTo(reRating);
            assertThat(adjustment.fee().line()).isEqualTo(line);
            assertThat(adjustment.fee().type()).isEqualTo(InvoiceLineType.ADJUSTMENT);
        });
        assertThat(adjustments.pendingFor("sub_1", CurrencyCode.USD)).isEmpty();
        assertThat(adjustments.issuedBy(reRating)).isEmpty();

        adjustments.on(new LateUsageAdjustmentBilledEvent(reRating, adjustmentId, "sub_1", "inv_april"));
        assertThat(adjustments.pendingFor("sub_1", CurrencyCode.KES)).isEmpty();
        assertThat(jdbcTemplate.queryForObject(
                "SELECT billed_invoice_id FROM late_usage_adjustment WHERE adjustment_id = ?", String.class,
                adjustmentId)).isEqualTo("inv_april");
    }

    @Test
    void aDecreaseNamesItsCreditNote() {
        String reRating = LateUsageIds.reRatingOf("inv_march");
        String adjustmentId = LateUsageIds.adjustment(reRating, 1);
        adjustments.on(new ClosedUsageWindowReRatedEvent(reRating, "inv_march", "sub_1", "cus_1", CurrencyCode.KES,
                WINDOW, adjustmentId, 1, List.of(usage(300, 2)), kes(500), kes(300), kes(-200),
                LateUsageAdjustmentKind.CREDIT_NOTE, "cn_1", null, APRIL_1));
        assertThat(adjustments.pendingFor("sub_1", CurrencyCode.KES)).isEmpty();
        assertThat(adjustments.issuedBy(reRating)).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.kind()).isEqualTo(LateUsageAdjustmentKind.CREDIT_NOTE);
            assertThat(adjustment.documentId()).isEqualTo("cn_1");
            assertThat(adjustment.difference()).isEqualTo(kes(-200));
            assertThat(adjustment.fee()).isNull();
            assertThat(adjustment.originalInvoiceId()).isEqualTo("inv_march");
        });
    }

    @Test
    void theTaxAnInvoiceChargedIsItsTaxLinesNameAndPercentage() {
        InvoiceLine fee = FeeLine.subscription("pln_1", "Basic", kes(300_000), APRIL_1,
                Instant.parse("2027-05-01T00:00:00Z")).line();
        InvoiceLine vat = new InvoiceLine(InvoiceLineType.TAX, "VAT 16 %", null, null, kes(48_000), null, null, null,
                "VAT", new BigDecimal("16"), null, List.of(), null);
        assertThat(BilledUsageWindowTable.taxOf(List.of(fee, vat))).isEqualTo(TaxRate.of("VAT", "16"));
        assertThat(BilledUsageWindowTable.taxOf(List.of(fee))).isEqualTo(TaxRate.exempt());
    }
}
