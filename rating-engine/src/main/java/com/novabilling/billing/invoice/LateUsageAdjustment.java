package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The money of late usage that re-rates a closed period whose invoice is finalized (docs/billing-rules.md §16): the
 * difference between the window's usage as rated now and what was billed for it so far (the original invoice's USAGE
 * lines, then every earlier adjustment, all before tax), and the lines that bill or credit it. The original invoice
 * is never touched; re-rating a window whose billed amount already equals its rating gives no difference, so
 * re-rating twice adds nothing. Pure: the caller brings the lines and the rates.
 */
public final class LateUsageAdjustment {

    private LateUsageAdjustment() {
    }

    /** What a re-rating found: the window's usage now, what was billed before, and the difference (may be negative). */
    public record Difference(Money billedBefore, Money reRated, Money difference) {
        public Difference {
            Objects.requireNonNull(billedBefore, "billedBefore");
            Objects.requireNonNull(reRated, "reRated");
            Objects.requireNonNull(difference, "difference");
        }

        public boolean isIncrease() {
            return !difference.isZero() && !difference.isNegative();
        }

        public boolean isDecrease() {
            return difference.isNegative();
        }
    }

    /** Σ of the USAGE lines among {@code lines}, in {@code currency}. */
    public static Money usageAmount(CurrencyCode currency, List<InvoiceLine> lines) {
        Money sum = Money.zero(currency);
        for (InvoiceLine line : lines) {
            if (line.type() == InvoiceLineType.USAGE) {
                sum = sum.plus(line.amount());
            }
        }
        return sum;
    }

    /**
     * The fingerprint of a window's rating: {@link UsageDigest} over each USAGE line's charge, bucket, units, amount,
     * event count and usage digest, in charge and bucket order. Two ratings with the same fingerprint priced the same
     * events the same way; a late event that adds no money (a zero value, a UNIQUE_COUNT repeat) still changes it.
     */
    public static String ratingFingerprint(List<InvoiceLine> lines) {
        List<String> parts = new ArrayList<>();
        for (InvoiceLine line : lines) {
            if (line.type() != InvoiceLineType.USAGE) {
                continue;
            }
            InvoiceLineUsage usage = line.usage();
            BigDecimal units = usage == null ? line.quantity() : usage.units();
            parts.add(line.chargeId() + "|" + line.bucket() + "|"
                    + (units == null ? "" : units.stripTrailingZeros().toPlainString()) + "|"
                    + line.amount().minor() + " " + line.amount().currency() + "|"
                    + (usage == null ? "" : usage.eventCount() + "|" + usage.digest()));
        }
        parts.sort(null);
        return UsageDigest.ofTransactionIds(parts);
    }

    /**
     * @param originalUsage    Σ USAGE of the original invoice
     * @param earlierAdjustments the signed differences recorded for the window before (increases positive)
     * @param reRatedLines     the window's USAGE lines as the ledger rates them now
     */
    public static Difference difference(Money originalUsage, List<Money> earlierAdjustments,
                                        List<InvoiceLine> reRatedLines) {
        Money billed = originalUsage;
        for (Money adjustment : earlierAdjustments) {
            billed = billed.plus(adjustment);
        }
        Money reRated = usageAmount(originalUsage.currency(), reRatedLines);
        return new Difference(billed, reRated, reRated.minus(billed));
    }

    /**
     * The ADJUSTMENT fee that bills an increase: "Late usage for 2027-03-01 – 2027-03-31", for the window
     * {@code [from, to)}, its source the original invoice, carrying the re-rated usage: the units and events of all
     * the window's lines and a digest of their digests, in line order.
     */
    public static FeeLine adjustmentLine(String originalInvoiceId, Instant from, Instant to, Money increase,
                                         List<InvoiceLine> reRatedLines) {
        if (increase.isZero() || increase.isNegative()) {
            throw new IllegalArgumentException("an adjustment line bills an increase, not " + increase);
        }
        return new FeeLine(new InvoiceLine(InvoiceLineType.ADJUSTMENT, description(from, to), BigDecimal.ONE,
                increase.toMajor(), increase, from, to, null, originalInvoiceId, null, null, List.of(),
                reRatedUsage(reRatedLines)), null);
    }

    /** The usage of re-rated lines as one: Σ units, Σ events, the digest of the lines' digests. */
    public static InvoiceLineUsage reRatedUsage(List<InvoiceLine> reRatedLines) {
        BigDecimal units = BigDecimal.ZERO;
        long events = 0;
        List<String> digests = new ArrayList<>();
        for (InvoiceLine line : reRatedLines) {
            if (line.usage() == null) {
                continue;
            }
            units = units.add(line.usage().units());
            events += line.usage().eventCount();
            digests.add(line.usage().digest());
        }
        return new InvoiceLineUsage(units, events, UsageDigest.ofTransactionIds(digests));
    }

    /** "Late usage for 2027-03-01 – 2027-03-31": the window's first and last day (UTC; the end is exclusive). */
    public static String description(Instant from, Instant to) {
        return "Late usage for " + period(from, to);
    }

    /** "Usage of 2027-03-01 – 2027-03-31 re-rated lower": what the credit note of a decrease says. */
    public static String creditDescription(Instant from, Instant to) {
        return "Usage of " + period(from, to) + " re-rated lower";
    }

    private static String period(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
        return first + (last.equals(first) ? "" : " – " + last);
    }

    /** An adjustment invoice of its own: the ADJUSTMENT fee taxed at {@code taxRate} (§13.2 steps 1 and 3). */
    public static ComputedInvoice adjustmentInvoice(CurrencyCode currency, FeeLine adjustment, TaxRate taxRate) {
        return InvoiceCalculator.compute(InvoiceFacts.of(currency, List.of(adjustment)).withTaxRate(taxRate));
    }

    /**
     * The credit note of a decrease: what the original invoice billed too much, with its tax at {@code taxRate},
     * rounded as an invoice of that amount would have been.
     */
    public static Money creditNoteAmount(Money decrease, TaxRate taxRate) {
        Money credit = decrease.isNegative() ? decrease.negate() : decrease;
        if (credit.isZero()) {
            return credit;
        }
        FeeLine fee = new FeeLine(new InvoiceLine(InvoiceLineType.ADJUSTMENT, "decrease", BigDecimal.ONE,
                credit.toMajor(), credit, null, null, null, null, null, null, List.of(), null), null);
        return InvoiceCalculator.compute(InvoiceFacts.of(credit.currency(), List.of(fee)).withTaxRate(taxRate))
                .totals().total();
    }
}
