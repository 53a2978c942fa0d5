package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.money.CurrencyCode;

import java.util.List;

/**
 * The result of the engine: the lines in the order of docs/billing-rules.md §13.2 (fees, DISCOUNT, TAX, CREDIT_NOTE,
 * WALLET), the totals they add up to ({@code amountPaid} 0), and what was consumed.
 *
 * @param coupons     one entry per coupon that discounted this invoice (coupons that took nothing are absent and
 *                    stay as they were)
 * @param creditNotes one entry per credit note drawn, oldest first
 * @param wallets     one entry per wallet drawn (empty until issue 13)
 */
public record ComputedInvoice(CurrencyCode currency, List<InvoiceLine> lines, InvoiceTotals totals,
                              List<CouponConsumption> coupons, List<BalanceDraw> creditNotes,
                              List<BalanceDraw> wallets) {

    public ComputedInvoice {
        lines = List.copyOf(lines);
        coupons = List.copyOf(coupons);
        creditNotes = List.copyOf(creditNotes);
        wallets = List.copyOf(wallets);
    }

    /** The lines of one type, in order. */
    public List<InvoiceLine> lines(InvoiceLineType type) {
        return lines.stream().filter(line -> line.type() == type).toList();
    }
}
