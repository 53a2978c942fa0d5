package com.novabilling.billing.invoice;

import com.novabilling.api.money.Money;

import java.util.List;
import java.util.Objects;

/**
 * The money a plan change or a cancellation moves now (docs/billing-rules.md §12).
 *
 * @param orderChangeCredit the amount of a CREDIT credit note with reason ORDER_CHANGE to issue now (0: none); it
 *                          is then consumed at step 4 of the immediate invoice, or of the next one
 * @param feesNow           the fees of the invoice to issue now (empty: no invoice now); usage passed in is included
 */
public record PlanChangeSettlement(Money orderChangeCredit, List<FeeLine> feesNow) {

    public PlanChangeSettlement {
        Objects.requireNonNull(orderChangeCredit, "orderChangeCredit");
        feesNow = List.copyOf(feesNow);
    }

    public boolean hasCredit() {
        return !orderChangeCredit.isZero();
    }

    public boolean hasInvoice() {
        return !feesNow.isEmpty();
    }
}
