package com.novabilling.app.invoice.document;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.money.Money;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link InvoiceDocument} as an A4 PDF (OpenPDF): the tenant's name and address with "INVOICE" and the
 * number; the customer billed and the invoice's dates; a table of the fee lines with their periods (its header
 * repeated on every page); then subtotal, discounts, taxes, total, credit notes, wallet and payments, and the amount
 * due; the notes; a footer with the number and "page n of m" on every page. Drafts and voided invoices carry a
 * watermark.
 * <p>
 * The output is a function of the document alone: no creation date is written, and the file identifier is a digest
 * of the document, so the same invoice renders to the same bytes. Text uses the PDF standard Helvetica fonts
 * (Windows-1252), which every viewer has; characters outside that set are not printed.
 */
@Component
public class InvoicePdf {

    private static final Color INK = new Color(0x11, 0x18, 0x27);
    private static final Color ACCENT = new Color(0x1E, 0x3A, 0x5F);
    private static final Color MUTED = new Color(0x6B, 0x72, 0x80);
    private static final Color RULE = new Color(0xD1, 0xD5, 0xDB);
    private static final Color STRIPE = new Color(0xF5, 0xF7, 0xFA);
    private static final Color WATERMARK = new Color(0xEC, 0xEE, 0xF2);

    private static final Font TENANT = font(16, Font.BOLD, ACCENT);
    private static final Font TITLE = font(24, Font.BOLD, ACCENT);
    private static final Font NUMBER = font(12, Font.BOLD, INK);
    private static final Font LABEL = font(7.5f, Font.BOLD, MUTED);
    private static final Font SMALL = font(8.5f, Font.NORMAL, MUTED);
    private static final Font TEXT = font(9, Font.NORMAL, INK);
    private static final Font TEXT_BOLD = font(9, Font.BOLD, INK);
    private static final Font PARTY = font(11, Font.BOLD, INK);
    private static final Font TABLE_HEAD = font(8, Font.BOLD, Color.WHITE);
    private static final Font TOTAL = font(10, Font.BOLD, INK);
    private static final Font DUE = font(11, Font.BOLD, Color.WHITE);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** The PDF's bytes. */
    public byte[] render(InvoiceDocument invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document document = new Document(PageSize.A4, 48, 48, 48, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            byte[] id = digest(invoice);
            writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
            writer.setPageEvent(new Decorations(invoice));
            document.addTitle("Invoice " + invoice.displayNumber());
            document.addAuthor(text(invoice.issuer().name()));
            document.addCreator("NovaBilling");
            document.open();
            // the issue day, not the time of rendering, so that the same invoice gives the same bytes
            writer.getInfo().remove(PdfName.CREATIONDATE);
            writer.getInfo().remove(PdfName.MODDATE);
            if (invoice.issueDate() != null) {
                writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(GregorianCalendar.from(
                        invoice.issueDate().atStartOfDay(invoice.timeZone()))));
            }
            document.add(header(invoice));
            document.add(parties(invoice));
            document.add(lines(invoice));
            document.add(totals(invoice));
            if (invoice.notes() != null && !invoice.notes().isBlank()) {
                document.add(notes(invoice.notes()));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the invoice PDF could not be laid out", e);
        }
        return out.toByteArray();
    }

    // --- header: tenant | INVOICE + number --------------------------------------------------------------------------

    private static PdfPTable header(InvoiceDocument invoice) {
        PdfPTable table = table(new float[] {56, 44});
        PdfPCell tenant = cell();
        tenant.addElement(paragraph(text(invoice.issuer().name()), TENANT));
        for (String line : invoice.issuer().address()) {
            tenant.addElement(paragraph(line, SMALL));
        }
        if (invoice.issuer().email() != null) {
            tenant.addElement(paragraph(invoice.issuer().email(), SMALL));
        }
        table.addCell(tenant);

        PdfPCell title = cell();
        title.addElement(paragraph("INVOICE", TITLE, Element.ALIGN_RIGHT));
        title.addElement(paragraph(invoice.displayNumber(), NUMBER, Element.ALIGN_RIGHT));
        title.addElement(paragraph(statusText(invoice.status()), SMALL, Element.ALIGN_RIGHT));
        table.addCell(title);

        PdfPCell rule = cell();
        rule.setColspan(2);
        rule.setBorder(Rectangle.BOTTOM);
        rule.setBorderColor(ACCENT);
        rule.setBorderWidth(1.5f);
        rule.setFixedHeight(12);
        table.addCell(rule);
        table.setSpacingAfter(16);
        return table;
    }

    private static String statusText(InvoiceStatus status) {
        return switch (status) {
            case DRAFT -> "Draft - not yet issued";
            case FINALIZED -> "Issued";
            case PAID -> "Paid";
            case VOIDED -> "Void";
        };
    }

    // --- bill to | dates --------------------------------------------------------------------------------------------

    private static PdfPTable parties(InvoiceDocument invoice) {
        PdfPTable table = table(new float[] {56, 44});
        PdfPCell billTo = cell();
        billTo.addElement(paragraph("BILL TO", LABEL));
        billTo.addElement(paragraph(text(invoice.customer().name()), PARTY));
        if (invoice.customer().email() != null) {
            billTo.addElement(paragraph(invoice.customer().email(), TEXT));
        }
        for (String line : invoice.customer().address()) {
            billTo.addElement(paragraph(line, TEXT));
        }
        table.addCell(billTo);

        PdfPTable facts = table(new float[] {45, 55});
        fact(facts, "Invoice number", invoice.displayNumber());
        fact(facts, "Issue date", invoice.issueDate() == null ? "Not yet issued" : DAY.format(invoice.issueDate()));
        fact(facts, "Due date", invoice.dueDate() == null ? "-" : DAY.format(invoice.dueDate()));
        if (invoice.periodStart() != null && invoice.periodEnd() != null) {
            fact(facts, "Billing period", period(invoice.periodStart(), invoice.periodEnd(), invoice.timeZone()));
        }
        fact(facts, "Currency", invoice.currency().name());
        PdfPCell right = cell();
        right.addElement(facts);
        table.addCell(right);
        table.setSpacingAfter(20);
        return table;
    }

    private static void fact(PdfPTable facts, String label, String value) {
        PdfPCell name = cell(new Phrase(label, SMALL));
        name.setPaddingBottom(3);
        facts.addCell(name);
        PdfPCell content = cell(new Phrase(value, TEXT_BOLD));
        content.setHorizontalAlignment(Element.ALIGN_RIGHT);
        content.setPaddingBottom(3);
        facts.addCell(content);
    }

    // --- the fee lines ----------------------------------------------------------------------------------------------

    private static PdfPTable lines(InvoiceDocument invoice) {
        PdfPTable table = table(new float[] {38, 21, 9, 15, 17});
        table.setHeaderRows(1);
        head(table, "DESCRIPTION", Element.ALIGN_LEFT);
        head(table, "PERIOD", Element.ALIGN_LEFT);
        head(table, "QTY", Element.ALIGN_RIGHT);
        head(table, "UNIT PRICE", Element.ALIGN_RIGHT);
        head(table, "AMOUNT", Element.ALIGN_RIGHT);
        List<InvoiceLine> fees = invoice.feeLines();
        if (fees.isEmpty()) {
            PdfPCell none = row(new Phrase("No items", SMALL), Element.ALIGN_LEFT, false);
            none.setColspan(5);
            table.addCell(none);
        }
        for (int i = 0; i < fees.size(); i++) {
            InvoiceLine line = fees.get(i);
            boolean striped = i % 2 == 1;
            Phrase description = new Phrase(text(line.description()), TEXT);
            if (line.type() != InvoiceLineType.ITEM) {
                description.add(new Chunk("\n" + typeText(line), SMALL));
            }
            table.addCell(row(description, Element.ALIGN_LEFT, striped));
            String period = line.periodStart() == null || line.periodEnd() == null ? ""
                    : period(line.periodStart(), line.periodEnd(), invoice.timeZone());
            table.addCell(row(new Phrase(period, TEXT), Element.ALIGN_LEFT, striped));
            table.addCell(row(new Phrase(line.quantity() == null ? "" : MoneyText.quantity(line.quantity()), TEXT),
                    Element.ALIGN_RIGHT, striped));
            table.addCell(row(new Phrase(line.unitAmount() == null ? ""
                    : MoneyText.unitPrice(line.unitAmount(), invoice.currency()), TEXT), Element.ALIGN_RIGHT, striped));
            table.addCell(row(new Phrase(MoneyText.format(line.amount()), TEXT), Element.ALIGN_RIGHT, striped));
        }
        table.setSpacingAfter(12);
        return table;
    }

    private static String typeText(InvoiceLine line) {
        return switch (line.type()) {
            case SUBSCRIPTION -> "Subscription";
            case USAGE -> line.bucket() == null || line.bucket().equals("default") ? "Usage" : "Usage, " + line.bucket();
            case ADD_ON -> "Add-on";
            case COMMITMENT -> "Minimum commitment";
            case ITEM -> "Item";
            case ADJUSTMENT -> "Adjustment";
            default -> line.type().name();
        };
    }

    private static void head(PdfPTable table, String title, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(title, TABLE_HEAD));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setBackgroundColor(ACCENT);
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingTop(6);
        cell.setPaddingBottom(7);
        cell.setPaddingLeft(6);
        cell.setPaddingRight(6);
        table.addCell(cell);
    }

    private static PdfPCell row(Phrase content, int alignment, boolean striped) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setPaddingTop(5);
        cell.setPaddingBottom(7);
        cell.setPaddingLeft(6);
        cell.setPaddingRight(6);
        if (striped) {
            cell.setBackgroundColor(STRIPE);
        }
        return cell;
    }

    // --- totals -----------------------------------------------------------------------------------------------------

    private static PdfPTable totals(InvoiceDocument invoice) {
        InvoiceTotals totals = invoice.totals();
        PdfPTable table = table(new float[] {58, 42});
        table.setWidthPercentage(52);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setKeepTogether(true);

        total(table, "Subtotal", totals.subtotal(), TEXT);
        List<InvoiceLine> discounts = invoice.linesOf(InvoiceLineType.DISCOUNT);
        if (discounts.isEmpty() && !totals.discountAmount().isZero()) {
            total(table, "Discount", totals.discountAmount().negate(), TEXT);
        }
        discounts.forEach(d -> total(table, orDefault(d.description(), "Discount"), d.amount(), TEXT));
        List<InvoiceLine> taxes = invoice.linesOf(InvoiceLineType.TAX);
        if (taxes.isEmpty() && !totals.taxAmount().isZero()) {
            total(table, "Tax", totals.taxAmount(), TEXT);
        }
        taxes.forEach(t -> total(table, taxText(t), t.amount(), TEXT));
        totalRule(table);
        total(table, "Total", totals.total(), TOTAL);

        List<InvoiceLine> credits = invoice.linesOf(InvoiceLineType.CREDIT_NOTE);
        if (credits.isEmpty() && !totals.creditNotesAmount().isZero()) {
            total(table, "Credit notes applied", totals.creditNotesAmount().negate(), TEXT);
        }
        credits.forEach(c -> total(table, orDefault(c.description(), "Credit note"), c.amount(), TEXT));
        List<InvoiceLine> wallets = invoice.linesOf(InvoiceLineType.WALLET);
        if (wallets.isEmpty() && !totals.walletAmount().isZero()) {
            total(table, "Prepaid credit applied", totals.walletAmount().negate(), TEXT);
        }
        wallets.forEach(w -> total(table, orDefault(w.description(), "Prepaid credit"), w.amount(), TEXT));
        if (!totals.amountPaid().isZero()) {
            total(table, "Amount paid", totals.amountPaid().negate(), TEXT);
        }

        PdfPCell label = cell(new Phrase("Amount due", DUE));
        PdfPCell amount = cell(new Phrase(MoneyText.format(totals.amountDue()), DUE));
        amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
        for (PdfPCell c : new PdfPCell[] {label, amount}) {
            c.setBackgroundColor(ACCENT);
            c.setPaddingTop(7);
            c.setPaddingBottom(9);
            c.setPaddingLeft(8);
            c.setPaddingRight(8);
        }
        table.addCell(label);
        table.addCell(amount);
        table.setSpacingAfter(24);
        return table;
    }

    private static String taxText(InvoiceLine tax) {
        if (tax.description() != null && !tax.description().isBlank()) {
            return tax.description();
        }
        String name = tax.sourceId() == null || tax.sourceId().isBlank() ? "Tax" : tax.sourceId();
        return tax.taxRate() == null ? name : name + " (" + tax.taxRate().stripTrailingZeros().toPlainString() + "%)";
    }

    private static void total(PdfPTable table, String label, Money amount, Font font) {
        PdfPCell name = cell(new Phrase(text(label), font));
        PdfPCell value = cell(new Phrase(MoneyText.format(amount), font));
        value.setHorizontalAlignment(Element.ALIGN_RIGHT);
        for (PdfPCell c : new PdfPCell[] {name, value}) {
            c.setPaddingTop(3);
            c.setPaddingBottom(5);
            c.setPaddingLeft(8);
            c.setPaddingRight(8);
        }
        table.addCell(name);
        table.addCell(value);
    }

    private static void totalRule(PdfPTable table) {
        PdfPCell rule = cell();
        rule.setColspan(2);
        rule.setBorder(Rectangle.TOP);
        rule.setBorderColor(RULE);
        rule.setBorderWidth(0.75f);
        rule.setFixedHeight(3);
        table.addCell(rule);
    }

    // --- notes ------------------------------------------------------------------------------------------------------

    private static PdfPTable notes(String notes) {
        PdfPTable table = table(new float[] {100});
        PdfPCell cell = cell();
        cell.setBorder(Rectangle.TOP);
        cell.setBorderColor(RULE);
        cell.setPaddingTop(8);
        cell.addElement(paragraph("NOTES", LABEL));
        cell.addElement(paragraph(notes.strip(), TEXT));
        table.addCell(cell);
        return table;
    }

    // --- page decorations: footer with page n of m; watermark on drafts and void invoices ---------------------------

    private static final class Decorations extends PdfPageEventHelper {

        private final InvoiceDocument invoice;
        private final BaseFont footerFont;
        private final BaseFont watermarkFont;
        private PdfTemplate pageCount;

        Decorations(InvoiceDocument invoice) {
            this.invoice = invoice;
            try {
                this.footerFont = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
                this.watermarkFont = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("the PDF standard fonts are missing", e);
            }
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            pageCount = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            String mark = switch (invoice.status()) {
                case DRAFT -> "DRAFT";
                case VOIDED -> "VOID";
                default -> null;
            };
            if (mark != null) {
                PdfContentByte under = writer.getDirectContentUnder();
                under.saveState();
                under.beginText();
                under.setColorFill(WATERMARK);
                under.setFontAndSize(watermarkFont, 110);
                under.showTextAligned(Element.ALIGN_CENTER, mark, page.getWidth() / 2, page.getHeight() / 2, 45);
                under.endText();
                under.restoreState();
            }
            PdfContentByte over = writer.getDirectContent();
            float y = document.bottom() - 28;
            over.saveState();
            over.setColorStroke(RULE);
            over.setLineWidth(0.5f);
            over.moveTo(document.left(), y + 12);
            over.lineTo(document.right(), y + 12);
            over.stroke();
            over.beginText();
            over.setColorFill(MUTED);
            over.setFontAndSize(footerFont, 8);
            over.showTextAligned(Element.ALIGN_LEFT, text(invoice.issuer().name()) + "  -  Invoice "
                    + invoice.displayNumber(), document.left(), y, 0);
            String pageText = "Page " + writer.getPageNumber() + " of ";
            float width = footerFont.getWidthPoint(pageText, 8);
            over.showTextAligned(Element.ALIGN_LEFT, pageText, document.right() - width - 14, y, 0);
            over.endText();
            over.addTemplate(pageCount, document.right() - 14, y);
            over.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            pageCount.beginText();
            pageCount.setColorFill(MUTED);
            pageCount.setFontAndSize(footerFont, 8);
            pageCount.showText(String.valueOf(writer.getPageNumber() - 1));
            pageCount.endText();
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /**
     * A period as days in the tenant's zone. The end is exclusive: one that falls on midnight shows the day before
     * ({@code 1 Mar - 31 Mar 2026} for March), one cut during a day (a cancellation at 14:00) shows that day.
     */
    static String period(Instant start, Instant end, ZoneId zone) {
        LocalDate first = start.atZone(zone).toLocalDate();
        ZonedDateTime endAt = end.atZone(zone);
        LocalDate last = endAt.toLocalTime().equals(LocalTime.MIDNIGHT) ? endAt.toLocalDate().minusDays(1) : endAt.toLocalDate();
        if (!last.isAfter(first)) {
            return DAY.format(first);
        }
        return (first.getYear() == last.getYear() ? DAY_MONTH.format(first) : DAY.format(first)) + " - " + DAY.format(last);
    }

    private static byte[] digest(InvoiceDocument invoice) {
        try {
            return MessageDigest.getInstance("MD5").digest(invoice.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Font font(float size, int style, Color color) {
        return new Font(Font.HELVETICA, size, style, color);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths.length);
        table.setWidthPercentage(100);
        try {
            table.setWidths(widths);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return table;
    }

    private static PdfPCell cell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static Paragraph paragraph(String content, Font font) {
        return paragraph(content, font, Element.ALIGN_LEFT);
    }

    private static Paragraph paragraph(String content, Font font, int alignment) {
        Paragraph paragraph = new Paragraph(content, font);
        paragraph.setAlignment(alignment);
        paragraph.setLeading(font.getSize() * 1.3f);
        return paragraph;
    }
}
