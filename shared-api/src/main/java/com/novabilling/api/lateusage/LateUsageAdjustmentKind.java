package com.novabilling.api.lateusage;

/**
 * What a re-rating's difference became (docs/billing-rules.md §16): an ADJUSTMENT line waiting for the subscription's
 * next recurring invoice, an adjustment invoice of its own, or — a decrease — a credit note against the original.
 */
public enum LateUsageAdjustmentKind {
    NEXT_INVOICE, ADJUSTMENT_INVOICE, CREDIT_NOTE
}
