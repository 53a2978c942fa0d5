package com.novabilling.api.invoice;

import com.novabilling.api.money.Money;

import java.util.Objects;

/**
 * An invoice's totals (docs/billing-rules.md §6.2), each the exact sum of already-rounded lines, all in the
 * invoice's currency and, except {@code discountAmount}, never negative:
 * {@code total = subtotal − discountAmount + taxAmount};
 * {@code amountDue = total − creditNotesAmount − walletAmount − amountPaid}.
 *
 * @param subtotal          Σ fee lines (step 1)
 * @param discountAmount    Σ coupon discounts as a positive amount (step 2)
 * @param taxAmount         Σ tax lines (step 3)
 * @param total             what the invoice is for, after discounts and taxes
 * @param creditNotesAmount customer credit consumed (step 4) and OFFSET credit notes applied to this invoice
 *                          after its finalization (docs/billing-rules.md §14), positive
 * @param walletAmount      prepaid credit consumed at finalization (step 5), positive
 * @param amountPaid        payments recorded against the invoice, positive
 * @param amountDue         what remains to be paid (step 6)
 */
public record InvoiceTotals(Money subtotal, Money discountAmount, Money taxAmount, Money total,
                            Money creditNotesAmount, Money walletAmount, Money amountPaid, Money amountDue) {

    public InvoiceTotals {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(discountAmount, "discountAmount");
        Objects.requireNonNull(taxAmount, "taxAmount");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(creditNotesAmount, "creditNotesAmount");
        Objects.requireNonNull(walletAmount, "walletAmount");
        Objects.requireNonNull(amountPaid, "amountPaid");
        Objects.requireNonNull(amountDue, "amountDue");
        if (!subtotal.minus(discountAmount).plus(taxAmount).equals(total)) {
            throw new IllegalArgumentException("total " + total + " is not subtotal " + subtotal + " − discount "
                    + discountAmount + " + tax " + taxAmount);
        }
        if (!total.minus(creditNotesAmount).minus(walletAmount).minus(amountPaid).equals(amountDue)) {
            throw new IllegalArgumentException("amount due " + amountDue + " is not total " + total
                    + " − credit notes " + creditNotesAmount + " − wallets " + walletAmount + " − paid " + amountPaid);
        }
    }
}
