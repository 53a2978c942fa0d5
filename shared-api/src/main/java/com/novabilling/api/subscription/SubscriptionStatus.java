package com.novabilling.api.subscription;

/** TRIALING until the trial ends, then ACTIVE; PAUSED stops renewals until resumed; CANCELED is final. */
public enum SubscriptionStatus {
    TRIALING, ACTIVE, PAUSED, CANCELED
}
