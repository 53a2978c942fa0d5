package com.novabilling.billing.invoice;

/** A manually created invoice (issue 12 item 5): ITEM lines, taxes, credit; no coupons. */
public final class OneOffInvoice {

    private OneOffInvoice() {
    }

    public static ComputedInvoice compute(OneOffInvoiceFacts facts) {
        return InvoiceCalculator.compute(new InvoiceFacts(facts.currency(),
                facts.items().stream().map(OneOffItem::fee).toList(), null, facts.taxRate(), facts.credits(),
                facts.wallets()));
    }
}
