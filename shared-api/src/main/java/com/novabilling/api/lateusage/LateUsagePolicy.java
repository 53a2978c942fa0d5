package com.novabilling.api.lateusage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.novabilling.api.query.EnumNames;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the difference goes when late usage re-rates a period whose invoice is finalized (docs/billing-rules.md §16),
 * the tenant's setting {@code lateUsagePolicy}: an ADJUSTMENT line on the subscription's next recurring invoice
 * (the default), or an adjustment invoice of its own, issued at once. A decrease is a credit note either way.
 */
public enum LateUsagePolicy {
    NEXT_INVOICE, ADJUSTMENT_INVOICE;

    /** The value the API speaks: {@code next_invoice}, {@code adjustment_invoice}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Any letter case; empty when it is none of the values. */
    public static Optional<LateUsagePolicy> parse(String value) {
        return EnumNames.parse(LateUsagePolicy.class, value);
    }

    @JsonCreator
    static LateUsagePolicy fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("lateUsagePolicy must be one of "
                + valuesText()));
    }

    public static String valuesText() {
        return Arrays.stream(values()).map(LateUsagePolicy::value).collect(Collectors.joining(", "));
    }
}
