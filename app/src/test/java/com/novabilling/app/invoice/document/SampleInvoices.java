package com.novabilling.app.invoice.document;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Invoice documents for the PDF and e-mail tests, with totals that add up (InvoiceTotals checks them). */
public final class SampleInvoices {

    public static final String TENANT_NAME = "Savannah Cloud Ltd";
    private static final Instant MARCH = Instant.parse("2026-02-28T21:00:00Z"); // 1 Mar 2026 in Nairobi
    private static final Instant APRIL = Instant.parse("2026-03-31T21:00:00Z");

    private SampleInvoices() {
    }

    private static Money kes(String major) {
        return Money.ofMajor(new BigDecimal(major), CurrencyCode.KES);
    }

    private static Money ugx(String major) {
        return Money.ofMajor(new BigDecimal(major), CurrencyCode.UGX);
    }

    private static InvoiceDocument.Party tenant() {
        return new InvoiceDocument.Party(TENANT_NAME, "billing@savannah.example",
                List.of("4th Floor, Westlands Square", "Nairobi, Kenya"));
    }

    private static InvoiceDocument.Party customer() {
        return new InvoiceDocument.Party("Jane Smith", "jane@example.com", List.of("Kampala Road 12", "Kampala, Uganda"));
    }

    private static InvoiceLine fee(InvoiceLineType type, String description, String quantity, String unit, Money amount,
                                   Instant start, Instant end) {
        return new InvoiceLine(type, description, new BigDecimal(quantity), new BigDecimal(unit), amount, start, end,
                type == InvoiceLineType.USAGE ? "chg_api_calls" : null, null, null,
                type == InvoiceLineType.USAGE ? "default" : null, List.of(),
                type == InvoiceLineType.USAGE ? new InvoiceLineUsage(new BigDecimal(quantity), 1234, "sha256:ab12") : null);
    }

    private static InvoiceLine other(InvoiceLineType type, String description, Money amount, String source, String rate) {
        return new InvoiceLine(type, description, null, null, amount, null, null, null, source,
                rate == null ? null : new BigDecimal(rate), null, List.of(), null);
    }

    /** Worked example I1 (docs/billing-rules.md §6.2): total KES 4,698.00, amount due KES 3,198.00. */
    public static InvoiceDocument kesI1(String invoiceId, String number) {
        List<InvoiceLine> lines = List.of(
                fee(InvoiceLineType.SUBSCRIPTION, "Growth plan (monthly)", "1", "3000", kes("3000.00"), MARCH, APRIL),
                fee(InvoiceLineType.USAGE, "API calls", "600000", "0.0025", kes("1500.00"), MARCH, APRIL),
                other(InvoiceLineType.DISCOUNT, "Coupon LAUNCH10 (10%)", kes("-450.00"), "acp_1", null),
                other(InvoiceLineType.TAX, "VAT (16%)", kes("648.00"), "VAT", "16"),
                other(InvoiceLineType.CREDIT_NOTE, "Credit note CN-000001", kes("-500.00"), "cn_1", null),
                other(InvoiceLineType.WALLET, "Prepaid wallet", kes("-1000.00"), "wal_1", null));
        InvoiceTotals totals = new InvoiceTotals(kes("4500.00"), kes("450.00"), kes("648.00"), kes("4698.00"),
                kes("500.00"), kes("1000.00"), kes("0"), kes("3198.00"));
        return new InvoiceDocument(invoiceId, number, number == null ? InvoiceStatus.DRAFT : InvoiceStatus.FINALIZED,
                CurrencyCode.KES, tenant(), customer(), number == null ? null : LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 15), MARCH, APRIL, ZoneId.of("Africa/Nairobi"), lines, totals,
                "Pay by M-Pesa to paybill 123456, account " + (number == null ? invoiceId : number) + ".");
    }

    /** A UGX invoice (no minor unit): UGX 50,000 + VAT 18 % = UGX 59,000. */
    public static InvoiceDocument ugx(String invoiceId, String number) {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        Instant end = Instant.parse("2026-04-01T00:00:00Z");
        List<InvoiceLine> lines = List.of(
                fee(InvoiceLineType.SUBSCRIPTION, "Starter plan (monthly)", "1", "50000", ugx("50000"), start, end),
                other(InvoiceLineType.TAX, "VAT (18%)", ugx("9000"), "VAT", "18"));
        InvoiceTotals totals = new InvoiceTotals(ugx("50000"), ugx("0"), ugx("9000"), ugx("59000"), ugx("0"), ugx("0"),
                ugx("0"), ugx("59000"));
        return new InvoiceDocument(invoiceId, number, InvoiceStatus.FINALIZED, CurrencyCode.UGX, tenant(), customer(),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1), start, end, ZoneId.of("UTC"), lines, totals, null);
    }

    /** {@code count} one-off items of KES 1,250.00 each: long enough for several pages. */
    public static InvoiceDocument longKes(String invoiceId, String number, int count) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(fee(InvoiceLineType.ITEM, "Consulting session " + i, "1", "1250", kes("1250.00"), null, null));
        }
        Money subtotal = kes("1250.00");
        subtotal = Money.ofMinor(subtotal.minor() * count, CurrencyCode.KES);
        InvoiceTotals totals = new InvoiceTotals(subtotal, kes("0"), kes("0"), subtotal, kes("0"), kes("0"), kes("0"), subtotal);
        return new InvoiceDocument(invoiceId, number, InvoiceStatus.FINALIZED, CurrencyCode.KES, tenant(), customer(),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), null, null, null, lines, totals, "Thank you.");
    }

    /** The same invoice billed to a customer with another e-mail address. */
    public static InvoiceDocument withCustomerEmail(InvoiceDocument d, String email) {
        InvoiceDocument.Party customer = new InvoiceDocument.Party(d.customer().name(), email, d.customer().address());
        return new InvoiceDocument(d.invoiceId(), d.invoiceNumber(), d.status(), d.currency(), d.issuer(), customer,
                d.issueDate(), d.dueDate(), d.periodStart(), d.periodEnd(), d.timeZone(), d.lines(), d.totals(), d.notes());
    }
}
