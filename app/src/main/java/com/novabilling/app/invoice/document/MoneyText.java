package com.novabilling.app.invoice.document;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts as a reader sees them on an invoice: the currency code, then the amount in major units with exactly the
 * currency's decimals and thousands grouped ({@code KES 4,698.00}, {@code UGX 50,000}, {@code -KES 500.00}). The
 * same text whatever the server's locale.
 */
public final class MoneyText {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private MoneyText() {
    }

    /** {@code KES 4,698.00}; a negative amount reads {@code -KES 500.00}. */
    public static String format(Money money) {
        String amount = grouped(money.toMajor().abs(), money.currency().exponent(), money.currency().exponent());
        return (money.isNegative() ? "-" : "") + money.currency() + " " + amount;
    }

    /**
     * A unit price, which may be finer than the currency ({@code KES 0.0025}): at least the currency's decimals,
     * more where the price has them.
     */
    public static String unitPrice(BigDecimal major, CurrencyCode currency) {
        BigDecimal stripped = major.stripTrailingZeros();
        int decimals = Math.max(currency.exponent(), stripped.scale());
        return (major.signum() < 0 ? "-" : "") + currency + " " + grouped(stripped.abs(), currency.exponent(), decimals);
    }

    /** A quantity without trailing zeros, grouped: {@code 1}, {@code 12,500}, {@code 1.5}. */
    public static String quantity(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return grouped(stripped, 0, Math.max(0, stripped.scale()));
    }

    private static String grouped(BigDecimal value, int minDecimals, int maxDecimals) {
        DecimalFormat format = new DecimalFormat("#,##0", SYMBOLS);
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setParseBigDecimal(true);
        return format.format(value);
    }
}
