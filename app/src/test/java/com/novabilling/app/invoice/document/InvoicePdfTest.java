package com.novabilling.app.invoice.document;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice PDF, read back by text extraction and rendered to an image by an independent renderer (PDFBox). */
class InvoicePdfTest {

    private final InvoicePdf pdf = new InvoicePdf();

    @Test
    void aKesInvoiceShowsItsNumberTenantLinesAndTotalsInTwoDecimals() {
        byte[] bytes = pdf.render(SampleInvoices.kesI1("inv_kes", "INV-000001"));

        assertThat(Pdfs.pages(bytes)).isEqualTo(1);
        String text = Pdfs.text(bytes, 1);
        assertThat(text).contains("INVOICE", "INV-000001", SampleInvoices.TENANT_NAME, "Westlands Square", "Jane Smith",
                "jane@example.com", "BILL TO", "1 Apr 2026", "15 Apr 2026", "1 Mar - 31 Mar 2026",
                "Growth plan (monthly)", "API calls", "600,000", "KES 0.0025", "KES 3,000.00", "KES 1,500.00",
                "Subtotal", "KES 4,500.00", "Coupon LAUNCH10 (10%)", "-KES 450.00", "VAT (16%)", "KES 648.00",
                "Total", "KES 4,698.00", "Credit note CN-000001", "-KES 500.00", "-KES 1,000.00",
                "Amount due", "KES 3,198.00", "Pay by M-Pesa", "Page 1 of 1");
    }

    @Test
    void aUgxInvoiceShowsAmountsWithoutDecimals() {
        byte[] bytes = pdf.render(SampleInvoices.ugx("inv_ugx", "INV-000002"));

        String text = Pdfs.text(bytes, 1);
        assertThat(text).contains("INV-000002", SampleInvoices.TENANT_NAME, "UGX 50,000", "VAT (18%)", "UGX 9,000",
                "UGX 59,000", "1 Mar - 31 Mar 2026");
        assertThat(text).doesNotContain("50,000.00", "59,000.00", "59000");
    }

    @Test
    void aLongInvoiceSpansPagesWithTheTableHeaderOnEachAndTheTotalsAtTheEnd() {
        byte[] bytes = pdf.render(SampleInvoices.longKes("inv_long", "INV-000003", 45));

        int pages = Pdfs.pages(bytes);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        String first = Pdfs.text(bytes, 1);
        String last = Pdfs.text(bytes, pages);
        assertThat(first).contains("INV-000003", SampleInvoices.TENANT_NAME, "Consulting session 1", "Page 1 of " + pages);
        assertThat(last).contains("DESCRIPTION", "AMOUNT", "Consulting session 45", "KES 56,250.00", "Amount due",
                "Page " + pages + " of " + pages);
        assertThat(Pdfs.inkShare(Pdfs.render(bytes, pages, 40))).isGreaterThan(0.01);
    }

    @Test
    void aDraftHasNoNumberAndIsMarkedDraft() {
        byte[] bytes = pdf.render(SampleInvoices.kesI1("inv_draft", null));

        String text = Pdfs.text(bytes, 1);
        assertThat(text).contains("DRAFT", "Not yet issued", "KES 4,698.00").doesNotContain("INV-");
        assertThat(SampleInvoices.kesI1("inv_draft", null).fileName()).isEqualTo("DRAFT-inv_draft.pdf");
        assertThat(SampleInvoices.kesI1("inv_1", "INV-000001").fileName()).isEqualTo("INV-000001.pdf");
    }

    @Test
    void pageOneRendersToAnImageThatIsNotBlank() {
        for (InvoiceDocument invoice : new InvoiceDocument[] {SampleInvoices.kesI1("inv_kes", "INV-000001"),
                SampleInvoices.ugx("inv_ugx", "INV-000002")}) {
            BufferedImage page = Pdfs.render(pdf.render(invoice), 1, 50);

            // A4 at 50 dpi: 8.27 × 11.69 in
            assertThat(page.getWidth()).isBetween(410, 417);
            assertThat(page.getHeight()).isBetween(582, 587);
            double ink = Pdfs.inkShare(page);
            assertThat(ink).as("share of non-white pixels").isBetween(0.03, 0.6);
            // the header band (tenant, INVOICE) and the totals are drawn, not only the table
            assertThat(Pdfs.inkShare(page.getSubimage(0, 0, page.getWidth(), page.getHeight() / 8))).isGreaterThan(0.02);
        }
    }

    @Test
    void theSameInvoiceRendersToTheSameBytes() {
        InvoiceDocument invoice = SampleInvoices.kesI1("inv_kes", "INV-000001");

        assertThat(pdf.render(invoice)).isEqualTo(pdf.render(SampleInvoices.kesI1("inv_kes", "INV-000001")));
        assertThat(pdf.render(invoice)).isNotEqualTo(pdf.render(SampleInvoices.kesI1("inv_kes", "INV-000002")));
    }

    @Test
    void periodsAreDaysInTheTenantsZoneWithAnExclusiveEnd() {
        ZoneId utc = ZoneId.of("UTC");
        assertThat(InvoicePdf.period(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), utc))
                .isEqualTo("1 Mar - 31 Mar 2026");
        assertThat(InvoicePdf.period(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-15T14:00:00Z"), utc))
                .isEqualTo("1 Mar - 15 Mar 2026");
        assertThat(InvoicePdf.period(Instant.parse("2025-12-15T00:00:00Z"), Instant.parse("2026-01-15T00:00:00Z"), utc))
                .isEqualTo("15 Dec 2025 - 14 Jan 2026");
        assertThat(InvoicePdf.period(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"), utc))
                .isEqualTo("1 Mar 2026");
        assertThat(InvoicePdf.period(Instant.parse("2026-02-28T21:00:00Z"), Instant.parse("2026-03-31T21:00:00Z"),
                ZoneId.of("Africa/Nairobi"))).isEqualTo("1 Mar - 31 Mar 2026");
    }
}
