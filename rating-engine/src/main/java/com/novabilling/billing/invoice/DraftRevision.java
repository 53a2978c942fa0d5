package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Revises a draft invoice's fees (docs/billing-rules.md §13.3) and computes it again in the order of §13.2 with what was
 * decided when it was issued: late usage re-rated into its usage window ({@link #withUsage}), or a base fee shortened
 * to the part of the period a plan ran before a change cut it ({@link #withSubscriptionFeeCut}). The coupons and
 * credit notes recorded their use at issue, so each DISCOUNT line keeps its amount (spread again over the fees, largest
 * remainder), each CREDIT_NOTE and WALLET line keeps what it drew, and taxes are computed again at the draft's own
 * rate on the new fees.
 */
public final class DraftRevision {

    private DraftRevision() {
    }

    /**
     * @param draft the draft's lines as issued (or last revised)
     * @param usage the USAGE lines of the draft's window now
     * @return the revised invoice, or empty when nothing changes — or when the new fees could no longer carry the
     * discounts and balances drawn at issue (usage that went down: SUM of negative values), which a revision never
     * gives back
     */
    public static Optional<ComputedInvoice> withUsage(CurrencyCode currency, List<InvoiceLine> draft,
                                                      List<FeeLine> usage) {
        List<FeeLine> fees = new ArrayList<>();
        int usageAt = -1;
        for (InvoiceLine line : draft) {
            if (line.type() == InvoiceLineType.USAGE) {
                usageAt = usageAt < 0 ? fees.size() : usageAt;
            } else if (line.type().isFee()) {
                if (usageAt < 0 && line.type() != InvoiceLineType.SUBSCRIPTION) {
                    usageAt = fees.size(); // no usage was billed: it goes after the base fees, as at issue
                }
                fees.add(new FeeLine(line, null));
            }
        }
        fees.addAll(usageAt < 0 ? fees.size() : usageAt, usage);
        return withFees(currency, draft, fees);
    }

    /**
     * A change at {@code until} ends the plan's base fee billed in advance by the draft: its SUBSCRIPTION line bills
     * only {@code [its start, until)}, {@code unusedTime} less (the amount an issued invoice would get as an
     * ORDER_CHANGE credit note). The same cut again changes nothing.
     *
     * @return the revised invoice; empty when the draft has no fee of the plan running past {@code until} (or it
     * ends there already: cut before), or the cut is more than the fee
     */
    public static Optional<ComputedInvoice> withSubscriptionFeeCut(CurrencyCode currency, List<InvoiceLine> draft,
                                                                   String planId, Instant until, Money unusedTime) {
        List<FeeLine> fees = new ArrayList<>();
        boolean cut = false;
        for (InvoiceLine line : draft) {
            if (!line.type().isFee()) {
                continue;
            }
            if (!cut && line.type() == InvoiceLineType.SUBSCRIPTION && planId.equals(line.sourceId())
                    && line.periodStart() != null && line.periodStart().isBefore(until)
                    && line.periodEnd() != null && line.periodEnd().isAfter(until)
                    && unusedTime.compareTo(line.amount()) <= 0) {
                Money used = line.amount().minus(unusedTime);
                fees.add(new FeeLine(new InvoiceLine(line.type(), line.description(), line.quantity(),
                        used.toMajor(), used, line.periodStart(), until, line.chargeId(), line.sourceId(),
                        line.taxRate(), line.bucket(), line.breakdown(), line.usage()), null));
                cut = true;
            } else {
                fees.add(new FeeLine(line, null));
            }
        }
        return cut ? withFees(currency, draft, fees) : Optional.empty();
    }

    /** The draft with these fees, discounts and balances as drawn, taxed at its rate. */
    private static Optional<ComputedInvoice> withFees(CurrencyCode currency, List<InvoiceLine> draft,
                                                      List<FeeLine> fees) {
        List<InvoiceLine> discounts = new ArrayList<>();
        List<InvoiceLine> balances = new ArrayList<>();
        TaxRate rate = null;
        for (InvoiceLine line : draft) {
            if (line.type() == InvoiceLineType.DISCOUNT) {
                discounts.add(line);
            } else if (line.type() == InvoiceLineType.TAX) {
                if (rate != null) {
                    throw new IllegalArgumentException("a revised draft is taxed at one rate, not "
                            + rate.label() + " and " + line.description());
                }
                rate = new TaxRate(line.sourceId(), line.taxRate());
            } else if (!line.type().isFee()) {
                balances.add(line); // CREDIT_NOTE, WALLET: what was drawn at issue
            }
        }

        long[] left = fees.stream().mapToLong(fee -> fee.amount().minor()).toArray();
        long[] shares = new long[left.length];
        Money subtotal = fees.stream().map(FeeLine::amount).reduce(Money.zero(currency), Money::plus);
        Money discountAmount = Money.zero(currency);
        for (InvoiceLine discount : discounts) {
            long amount = -discount.amount().minor();
            if (amount > Arrays.stream(left).sum()) {
                return Optional.empty();
            }
            long[] allocation = LargestRemainder.allocate(amount, Arrays.stream(left).boxed().toList());
            for (int i = 0; i < left.length; i++) {
                left[i] -= allocation[i];
                shares[i] += allocation[i];
            }
            discountAmount = discountAmount.minus(discount.amount());
        }
        List<InvoiceLine> taxLines = InvoiceTaxes.lines(currency, fees, shares, rate);
        Money taxAmount = taxLines.stream().map(InvoiceLine::amount).reduce(Money.zero(currency), Money::plus);
        Money total = subtotal.minus(discountAmount).plus(taxAmount);
        Money credited = Money.zero(currency);
        Money fromWallets = Money.zero(currency);
        for (InvoiceLine balance : balances) {
            if (balance.type() == InvoiceLineType.WALLET) {
                fromWallets = fromWallets.minus(balance.amount());
            } else {
                credited = credited.minus(balance.amount());
            }
        }
        Money amountDue = total.minus(credited).minus(fromWallets);
        if (amountDue.isNegative()) {
            return Optional.empty();
        }

        List<InvoiceLine> lines = new ArrayList<>();
        fees.forEach(fee -> lines.add(fee.line()));
        lines.addAll(discounts);
        lines.addAll(taxLines);
        lines.addAll(balances);
        if (lines.equals(draft)) {
            return Optional.empty();
        }
        InvoiceTotals totals = new InvoiceTotals(subtotal, discountAmount, taxAmount, total, credited, fromWallets,
                Money.zero(currency), amountDue);
        return Optional.of(new ComputedInvoice(currency, lines, totals, List.of(), List.of(), List.of()));
    }
}
