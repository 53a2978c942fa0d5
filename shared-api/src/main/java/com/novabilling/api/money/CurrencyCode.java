package com.novabilling.api.money;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 17 currencies NovaBilling bills in, with their ISO 4217 minor-unit exponent.
 * UGX, RWF, XOF and XAF have no minor unit; every other supported currency has two decimals.
 */
public enum CurrencyCode {
    NGN(2), KES(2), GHS(2), ZAR(2), UGX(0), TZS(2), RWF(0), EGP(2), XOF(0), XAF(0),
    MAD(2), ETB(2), DZD(2), ZMW(2), USD(2), EUR(2), GBP(2);

    private final int exponent;

    CurrencyCode(int exponent) {
        this.exponent = exponent;
    }

    /** Number of decimals of the major unit (0 for UGX, 2 for KES). */
    public int exponent() {
        return exponent;
    }

    public static Optional<CurrencyCode> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(upper)).findFirst();
    }

    public static boolean isSupported(String code) {
        return parse(code).isPresent();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
