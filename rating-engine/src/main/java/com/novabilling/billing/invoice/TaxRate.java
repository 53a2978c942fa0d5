package com.novabilling.billing.invoice;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tax rate: its name as printed ({@code VAT}) and its percentage (16 for 16 %). A rate of 0 means exempt and
 * produces no tax line. Two rates are the same tax line when name and percentage are equal.
 */
public record TaxRate(String name, BigDecimal percent) {

    public TaxRate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a tax rate is between 0 and 100 %, not " + percent.toPlainString());
        }
        percent = percent.stripTrailingZeros();
        if (percent.scale() < 0) {
            percent = percent.setScale(0);
        }
    }

    public static TaxRate of(String name, String percent) {
        return new TaxRate(name, new BigDecimal(percent));
    }

    public static TaxRate exempt() {
        return new TaxRate("", BigDecimal.ZERO);
    }

    public boolean isExempt() {
        return percent.signum() == 0;
    }

    /** {@code VAT 16 %}. */
    public String label() {
        return (name.isBlank() ? "Tax" : name) + " " + percent.toPlainString() + " %";
    }
}
