package com.novabilling.api.money;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of money: integer minor units plus the currency.
 * Amounts cross the API in major units ({@link #toMajor()}); arithmetic on fractions happens in
 * {@link BigDecimal} and is rounded once, HALF_UP, with {@link #ofMajorRounded(BigDecimal, CurrencyCode)}.
 */
public record Money(long minor, CurrencyCode currency) implements Comparable<Money> {

    /** Precision for intermediate results (proration fractions, unit prices with 12 decimals). */
    public static final MathContext CONTEXT = MathContext.DECIMAL128;

    /**
     * The largest amount or price a request may name, in major units: its minor units fit a {@code long} for every
     * currency, with room for sums.
     */
    public static final BigDecimal MAX_MAJOR = new BigDecimal("1000000000000");

    /** Computed amounts beyond this many minor units are refused rather than overflowing a {@code long}. */
    public static final BigDecimal MAX_MINOR = new BigDecimal("1000000000000000000");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(0, currency);
    }

    public static Money ofMinor(long minor, CurrencyCode currency) {
        return new Money(minor, currency);
    }

    /**
     * Exact conversion from a major-unit amount such as 49.99; refuses more decimals than the currency has
     * (KES 10.555, UGX 100.5) instead of silently rounding.
     */
    public static Money ofMajor(BigDecimal major, CurrencyCode currency) {
        Objects.requireNonNull(major, "amount");
        BigDecimal stripped = major.stripTrailingZeros();
        if (stripped.scale() > currency.exponent()) {
            throw new InvalidAmountException("amount " + major.toPlainString() + " has more than "
                    + currency.exponent() + " decimal places allowed for " + currency);
        }
        return new Money(major.movePointRight(currency.exponent()).longValueExact(), currency);
    }

    /** Rounds a computed major-unit amount once, HALF_UP, to the currency's exponent. */
    public static Money ofMajorRounded(BigDecimal major, CurrencyCode currency) {
        BigDecimal minor = major.setScale(currency.exponent(), RoundingMode.HALF_UP).movePointRight(currency.exponent());
        if (minor.abs().compareTo(MAX_MINOR) > 0) {
            throw new InvalidAmountException("the amount " + currency + " " + major.round(new MathContext(6)).toString()
                    + " exceeds the largest amount NovaBilling holds (" + MAX_MINOR.toPlainString() + " minor units)");
        }
        return new Money(minor.longValueExact(), currency);
    }

    /** Rounds a computed minor-unit amount (for example a prorated part) once, HALF_UP. */
    public static Money ofMinorRounded(BigDecimal minor, CurrencyCode currency) {
        return new Money(minor.setScale(0, RoundingMode.HALF_UP).longValueExact(), currency);
    }

    /** The amount in major units at exactly the currency's scale (49.99, 50000). */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minor, currency.exponent());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    @JsonIgnore
    public boolean isZero() {
        return minor == 0;
    }

    @JsonIgnore
    public boolean isNegative() {
        return minor < 0;
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return minor <= other.minor ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return currency + " " + toMajor().toPlainString();
    }
}
