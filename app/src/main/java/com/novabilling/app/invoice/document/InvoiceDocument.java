package com.novabilling.app.invoice.document;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.money.CurrencyCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Everything an invoice's PDF and e-mail show, ready to render: who issues it, who it is for, its number (null on a
 * draft), dates, its lines and totals in the shared-api types the invoice itself uses, and its notes.
 *
 * @param invoiceId     the invoice's id (names a draft's file, which has no number yet)
 * @param invoiceNumber {@code INV-000001}; null while the invoice is a draft
 * @param issuer        the tenant: its name, e-mail and address lines
 * @param customer      the customer billed: name, e-mail (the default recipient) and address lines, if known
 * @param issueDate     the day the invoice was finalized, in the tenant's time zone; null on a draft
 * @param dueDate       the day payment is due; null when none is set yet
 * @param periodStart   start of the period the invoice bills; null for a one-off invoice
 * @param periodEnd     end (exclusive) of that period
 * @param timeZone      the zone in which periods are shown as days (the tenant's), UTC when null
 * @param lines         every line of the invoice in the order of docs/billing-rules.md §6.2: fees are listed in the
 *                      lines table; DISCOUNT, TAX, CREDIT_NOTE and WALLET lines with the totals
 * @param totals        the invoice's totals, which its lines add up to
 * @param notes         free text printed at the bottom; may be null
 */
public record InvoiceDocument(
        String invoiceId,
        String invoiceNumber,
        InvoiceStatus status,
        CurrencyCode currency,
        Party issuer,
        Party customer,
        LocalDate issueDate,
        LocalDate dueDate,
        Instant periodStart,
        Instant periodEnd,
        ZoneId timeZone,
        List<InvoiceLine> lines,
        InvoiceTotals totals,
        String notes) {

    /** The printed label of a draft, which has no number yet. */
    public static final String DRAFT_LABEL = "DRAFT";

    public InvoiceDocument {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(totals, "totals");
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        lines = lines == null ? List.of() : List.copyOf(lines);
        if (totals.total().currency() != currency) {
            throw new IllegalArgumentException("totals are in " + totals.total().currency() + ", the invoice in " + currency);
        }
        for (InvoiceLine line : lines) {
            if (line.amount().currency() != currency) {
                throw new IllegalArgumentException("line '" + line.description() + "' is in " + line.amount().currency()
                        + ", the invoice in " + currency);
            }
        }
    }

    /**
     * A party to the invoice.
     *
     * @param address the postal address, one printed line each (street, city, country…); empty when unknown
     */
    public record Party(String name, String email, List<String> address) {
        public Party {
            address = address == null ? List.of()
                    : address.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    /** The number, or {@value #DRAFT_LABEL} while the invoice has none. */
    public String displayNumber() {
        return invoiceNumber == null || invoiceNumber.isBlank() ? DRAFT_LABEL : invoiceNumber;
    }

    /** The PDF's file name: {@code INV-000001.pdf}, or {@code DRAFT-<invoiceId>.pdf} for a draft. */
    public String fileName() {
        String base = invoiceNumber == null || invoiceNumber.isBlank() ? DRAFT_LABEL + "-" + invoiceId : invoiceNumber;
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    /** The fee lines (step 1 of §6.2), which the lines table lists. */
    public List<InvoiceLine> feeLines() {
        return lines.stream().filter(l -> l.type().isFee()).toList();
    }

    /** The lines of one of the non-fee kinds (DISCOUNT, TAX, CREDIT_NOTE, WALLET), in their order on the invoice. */
    public List<InvoiceLine> linesOf(InvoiceLineType type) {
        return lines.stream().filter(l -> l.type() == type).toList();
    }
}
