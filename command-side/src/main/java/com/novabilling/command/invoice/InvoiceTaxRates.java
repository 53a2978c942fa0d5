package com.novabilling.command.invoice;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The tax rates applied to a one-off invoice's items (docs/billing-rules.md §6.2 step 3: one tax line per rate).
 * The default, {@link NoInvoiceTaxRates}, answers none until billing terms (customer → tenant tax rate and name) are
 * wired in.
 */
public interface InvoiceTaxRates {

    /** The rates for an invoice of this customer in this currency; empty: no tax. */
    List<TaxRate> forOneOffInvoice(String customerId, CurrencyCode currency);

    /**
     * @param name    as the tax line shows it ({@code VAT})
     * @param percent 16 for 16 %; 0 means exempt and gives no line
     */
    record TaxRate(String name, BigDecimal percent) {
        public TaxRate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() < 0) {
                throw new IllegalArgumentException("a tax rate is not negative: " + percent);
            }
        }
    }
}
