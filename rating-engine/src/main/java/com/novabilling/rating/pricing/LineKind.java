package com.novabilling.rating.pricing;

/** What a breakdown line prices. */
public enum LineKind {
    /** STANDARD: units × unit price. */
    UNIT_PRICE,
    /** GRADUATED or VOLUME: the units priced in one range, plus its flat fee. */
    TIER,
    /** PACKAGE: number of started packages × package price. */
    PACKAGES,
    /** PERCENTAGE: paid value × rate. */
    PERCENTAGE_OF_VALUE,
    /** PERCENTAGE: paid events × fixed fee. */
    FIXED_FEE_PER_EVENT,
    /** PERCENTAGE with per-transaction limits: the clamped fee of one event. */
    TRANSACTION
}
