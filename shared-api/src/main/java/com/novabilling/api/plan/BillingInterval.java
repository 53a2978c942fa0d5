package com.novabilling.api.plan;

import com.novabilling.api.query.EnumNames;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How often a plan bills. The API accepts any letter case ({@code monthly}) and answers the canonical form. */
public enum BillingInterval {
    HOURLY, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY;

    public static final String NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    public static Optional<BillingInterval> parse(String value) {
        return EnumNames.parse(BillingInterval.class, value);
    }
}
