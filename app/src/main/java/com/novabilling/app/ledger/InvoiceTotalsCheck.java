package com.novabilling.app.ledger;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pure checks of one invoice (docs/billing-rules.md §6.2): its totals are the sums of its rounded lines —
 * {@code subtotal = Σ fees}, {@code discount = −Σ DISCOUNT}, {@code tax = Σ TAX}, {@code total = subtotal − discount +
 * tax}, {@code wallet = −Σ WALLET}, {@code creditNotes = −Σ CREDIT_NOTE + OFFSET credit notes applied after
 * finalization} — and {@code amountDue = total − creditNotes − wallet − amountPaid}, never negative, zero once PAID;
 * and, between two sources of the same invoice, that they agree.
 */
final class InvoiceTotalsCheck {

    private InvoiceTotalsCheck() {
    }

    /**
     * @param source         where the snapshot comes from, for the message ("read model", "event store")
     * @param offsetsApplied Σ OFFSET credit notes applied after finalization (they raise {@code creditNotesAmount}
     *                       without a line), from the invoice's events; 0 when unknown
     */
    static List<LedgerViolation> check(InvoiceSnapshot invoice, String source, long offsetsApplied) {
        List<String> wrong = new ArrayList<>();
        InvoiceSnapshot.Totals t = invoice.totals();
        long fees = 0;
        long discounts = 0;
        long taxes = 0;
        long creditNotes = 0;
        long wallets = 0;
        for (InvoiceLine line : invoice.lines()) {
            if (invoice.currency() != null && line.amount().currency() != invoice.currency()) {
                wrong.add("a " + line.type() + " line is in " + line.amount().currency() + ", the invoice in "
                        + invoice.currency());
            }
            long amount = line.amount().minor();
            switch (line.type()) {
                case DISCOUNT -> discounts -= amount;
                case TAX -> taxes += amount;
                case CREDIT_NOTE -> creditNotes -= amount;
                case WALLET -> wallets -= amount;
                default -> fees += amount;
            }
        }
        compare(wrong, "subtotal", t.subtotal(), "Σ fee lines", fees);
        compare(wrong, "discountAmount", t.discount(), "−Σ DISCOUNT lines", discounts);
        compare(wrong, "taxAmount", t.tax(), "Σ TAX lines", taxes);
        compare(wrong, "total", t.total(), "subtotal − discountAmount + taxAmount", t.subtotal() - t.discount() + t.tax());
        compare(wrong, "creditNotesAmount", t.creditNotes(), "−Σ CREDIT_NOTE lines + offsets applied " + offsetsApplied,
                creditNotes + offsetsApplied);
        compare(wrong, "walletAmount", t.wallet(), "−Σ WALLET lines", wallets);
        compare(wrong, "amountDue", t.due(), "total − creditNotesAmount − walletAmount − amountPaid",
                t.total() - t.creditNotes() - t.wallet() - t.paid());
        if (t.due() < 0) {
            wrong.add("amountDue " + t.due() + " is negative");
        }
        if (t.paid() < 0) {
            wrong.add("amountPaid " + t.paid() + " is negative");
        }
        if (invoice.status() == InvoiceStatus.PAID && t.due() != 0) {
            wrong.add("it is PAID with amountDue " + t.due());
        }
        if (wrong.isEmpty()) {
            return List.of();
        }
        return List.of(LedgerViolation.of(LedgerChecks.INVOICE_TOTALS, invoice.id(), "Invoice " + invoice.id()
                + " (" + source + ", minor units): " + String.join("; ", wrong)));
    }

    /** Where the read model's invoice differs from the invoice folded from the event store. */
    static List<LedgerViolation> compare(InvoiceSnapshot readModel, InvoiceSnapshot events) {
        List<String> differences = new ArrayList<>();
        differ(differences, "status", readModel.status(), events.status());
        differ(differences, "invoiceNumber", readModel.invoiceNumber(), events.invoiceNumber());
        differ(differences, "sequenceNumber", readModel.sequenceNumber(), events.sequenceNumber());
        differ(differences, "currency", readModel.currency(), events.currency());
        differ(differences, "customerId", readModel.customerId(), events.customerId());
        differ(differences, "subscriptionId", readModel.subscriptionId(), events.subscriptionId());
        InvoiceSnapshot.Totals r = readModel.totals();
        InvoiceSnapshot.Totals e = events.totals();
        differ(differences, "subtotal", r.subtotal(), e.subtotal());
        differ(differences, "discountAmount", r.discount(), e.discount());
        differ(differences, "taxAmount", r.tax(), e.tax());
        differ(differences, "total", r.total(), e.total());
        differ(differences, "creditNotesAmount", r.creditNotes(), e.creditNotes());
        differ(differences, "walletAmount", r.wallet(), e.wallet());
        differ(differences, "amountPaid", r.paid(), e.paid());
        differ(differences, "amountDue", r.due(), e.due());
        List<String> readLines = readModel.lines().stream().map(InvoiceTotalsCheck::lineKey).toList();
        List<String> eventLines = events.lines().stream().map(InvoiceTotalsCheck::lineKey).toList();
        if (!readLines.equals(eventLines)) {
            for (int i = 0; i < Math.max(readLines.size(), eventLines.size()); i++) {
                String read = i < readLines.size() ? readLines.get(i) : "none";
                String folded = i < eventLines.size() ? eventLines.get(i) : "none";
                if (!read.equals(folded)) {
                    differences.add("lines[" + i + "] is " + read + " in the read model, " + folded
                            + " in the event store");
                }
            }
        }
        if (differences.isEmpty()) {
            return List.of();
        }
        return List.of(LedgerViolation.of(LedgerChecks.INVOICE_READ_MODEL, readModel.id(), "Invoice "
                + readModel.id() + " differs between the read model and its events: " + String.join("; ", differences)));
    }

    /** What a line must keep through storage: type, amount, what it bills and the usage it priced. */
    static String lineKey(InvoiceLine line) {
        StringBuilder key = new StringBuilder().append(line.type()).append(' ').append(line.amount().minor())
                .append(' ').append(line.amount().currency());
        append(key, "charge", line.chargeId());
        append(key, "source", line.sourceId());
        append(key, "bucket", line.bucket());
        append(key, "from", line.periodStart());
        append(key, "to", line.periodEnd());
        append(key, "quantity", plain(line.quantity()));
        if (line.usage() != null) {
            append(key, "units", plain(line.usage().units()));
            append(key, "events", line.usage().eventCount());
            append(key, "digest", line.usage().digest());
        }
        return key.toString();
    }

    private static void append(StringBuilder key, String name, Object value) {
        if (value != null) {
            key.append(' ').append(name).append('=').append(value);
        }
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static void compare(List<String> wrong, String field, long stored, String rule, long expected) {
        if (stored != expected) {
            wrong.add(field + " " + stored + " is not " + rule + " = " + expected);
        }
    }

    private static void differ(List<String> differences, String field, Object readModel, Object events) {
        if (!Objects.equals(readModel, events)) {
            differences.add(field + " is " + readModel + " in the read model, " + events + " in the event store");
        }
    }
}
