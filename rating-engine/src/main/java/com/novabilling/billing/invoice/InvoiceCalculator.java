package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes an invoice in the order of docs/billing-rules.md §13.2, each step on what the previous one left:
 * <ol>
 *   <li>fees, as given, each already rounded once: {@code subtotal = Σ fees};</li>
 *   <li>coupons ({@link CouponDiscounts}): {@code discountAmount};</li>
 *   <li>taxes ({@link InvoiceTaxes}): {@code total = subtotal − discountAmount + taxAmount};</li>
 *   <li>credit notes ({@link BalanceApplication#creditNotes}), oldest first;</li>
 *   <li>wallets ({@link BalanceApplication#wallets}), the seam of issue 13;</li>
 *   <li>{@code amountDue} = what remains (no payment recorded yet).</li>
 * </ol>
 * Totals are sums of the already rounded lines; nothing is rounded twice.
 */
public final class InvoiceCalculator {

    private InvoiceCalculator() {
    }

    public static ComputedInvoice compute(InvoiceFacts facts) {
        CurrencyCode currency = facts.currency();
        List<FeeLine> fees = facts.fees();
        Money subtotal = fees.stream().map(FeeLine::amount).reduce(Money.zero(currency), Money::plus);

        CouponDiscounts.Result coupons = CouponDiscounts.apply(currency, fees, facts.coupons());
        List<InvoiceLine> taxLines = InvoiceTaxes.lines(currency, fees, coupons.shares(), facts.defaultTaxRate());
        Money taxAmount = sum(currency, taxLines);
        Money total = subtotal.minus(coupons.discountAmount()).plus(taxAmount);

        BalanceApplication.Result credits = BalanceApplication.creditNotes(currency, total, facts.credits());
        Money afterCredits = total.minus(credits.applied());
        BalanceApplication.Result wallets = BalanceApplication.wallets(currency, afterCredits, facts.wallets());
        Money amountDue = afterCredits.minus(wallets.applied());

        List<InvoiceLine> lines = new ArrayList<>();
        fees.forEach(fee -> lines.add(fee.line()));
        lines.addAll(coupons.lines());
        lines.addAll(taxLines);
        lines.addAll(credits.lines());
        lines.addAll(wallets.lines());
        InvoiceTotals totals = new InvoiceTotals(subtotal, coupons.discountAmount(), taxAmount, total,
                credits.applied(), wallets.applied(), Money.zero(currency), amountDue);
        return new ComputedInvoice(currency, lines, totals, coupons.consumption(), credits.draws(), wallets.draws());
    }

    private static Money sum(CurrencyCode currency, List<InvoiceLine> lines) {
        return lines.stream().map(InvoiceLine::amount).reduce(Money.zero(currency), Money::plus);
    }
}
