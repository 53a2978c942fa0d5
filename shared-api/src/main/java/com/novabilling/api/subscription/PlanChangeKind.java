package com.novabilling.api.subscription;

/**
 * An UPGRADE when the new plan's yearly fee in the subscription's currency is at least the old one's, else a
 * DOWNGRADE; usage charges play no part (docs/billing-rules.md §10).
 */
public enum PlanChangeKind {
    UPGRADE, DOWNGRADE
}
