package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Re-rates a draft invoice's usage (docs/billing-rules.md §13.3): its USAGE lines are replaced by the usage of the same
 * window as the ledger has it now, and the invoice is computed again in the order of §13.2 with what was decided when
 * it was issued. The coupons and credit notes recorded their use then, so each DISCOUNT line keeps its amount (spread
 * again over the fees, largest remainder), each CREDIT_NOTE and WALLET line keeps what it drew, and taxes are computed
 * again at the draft's own rate on the new fees.
 */
public final class DraftUsageRevision {

    private DraftUsageRevision() {
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
        List<InvoiceLine> discounts = new ArrayList<>();
        List<InvoiceLine> balances = new ArrayList<>();
        TaxRate rate = null;
        int usageAt = -1;
        for (InvoiceLine line : draft) {
            if (line.type() == InvoiceLineType.USAGE) {
                usageAt = usageAt < 0 ? fees.size() : usageAt;
            } else if (line.type().isFee()) {
                if (usageAt < 0 && line.type() != InvoiceLineType.SUBSCRIPTION) {
                    usageAt = fees.size(); // no usage was billed: it goes after the base fees, as at issue
                }
                fees.add(new FeeLine(line, null));
            } else if (line.type() == InvoiceLineType.DISCOUNT) {
                discounts.add(line);
            } else if (line.type() == InvoiceLineType.TAX) {
                if (rate != null) {
                    throw new IllegalArgumentException("a draft re-rated for usage is taxed at one rate, not "
                            + rate.label() + " and " + line.description());
                }
                rate = new TaxRate(line.sourceId(), line.taxRate());
            } else {
                balances.add(line); // CREDIT_NOTE, WALLET: what was drawn at issue
            }
        }
        fees.addAll(usageAt < 0 ? fees.size() : usageAt, usage);

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
