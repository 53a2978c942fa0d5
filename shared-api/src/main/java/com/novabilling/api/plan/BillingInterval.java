package com.novabilling.api.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How often a plan bills. The API accepts any letter case ({@code monthly}) and answers the canonical form. */
public enum BillingInterval {
    HOURLY, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY;

    public static final String NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    public static Optional<BillingInterval> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(interval -> interval.name().equals(wanted)).findFirst();
    }
}
