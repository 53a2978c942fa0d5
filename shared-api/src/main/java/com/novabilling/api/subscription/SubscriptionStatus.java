package com.novabilling.api.subscription;

import com.novabilling.api.query.EnumNames;

import java.util.Optional;

/** TRIALING until the trial ends, then ACTIVE; PAUSED stops renewals until resumed; CANCELED is final. */
public enum SubscriptionStatus {
    TRIALING, ACTIVE, PAUSED, CANCELED;

    /** Accepts any letter case ({@code active}) and answers the canonical name. */
    public static Optional<SubscriptionStatus> parse(String value) {
        return EnumNames.parse(SubscriptionStatus.class, value);
    }
}
