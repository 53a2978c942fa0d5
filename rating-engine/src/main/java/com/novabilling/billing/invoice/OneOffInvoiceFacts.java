package com.novabilling.billing.invoice;

import com.novabilling.api.money.CurrencyCode;

import java.util.List;
import java.util.Objects;

/**
 * A manually created invoice: its items, taxed at {@code taxRate} (null: untaxed), with the customer's credit notes
 * consumed at step 4. It takes no coupons.
 */
public record OneOffInvoiceFacts(CurrencyCode currency, List<OneOffItem> items, TaxRate taxRate,
                                 List<AvailableCredit> credits, List<WalletFunds> wallets) {

    public OneOffInvoiceFacts {
        Objects.requireNonNull(currency, "currency");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a one-off invoice has at least one item");
        }
        credits = credits == null ? List.of() : List.copyOf(credits);
        wallets = wallets == null ? List.of() : List.copyOf(wallets);
    }
}
