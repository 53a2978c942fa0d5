package com.novabilling.api.invoice;

/**
 * What an invoice line is, in the order of docs/billing-rules.md §6.2: fees (SUBSCRIPTION, USAGE, ADD_ON, COMMITMENT,
 * ITEM, ADJUSTMENT), then the lines that work on them (DISCOUNT, TAX), then what reduces the amount due (CREDIT_NOTE,
 * WALLET).
 */
public enum InvoiceLineType {
    /** The plan's base fee for a period (prorated where a change cut it). */
    SUBSCRIPTION,
    /** One charge's fee for one filter bucket over the usage window. */
    USAGE,
    /** An add-on applied to the customer and billed with this invoice. */
    ADD_ON,
    /** The minimum-commitment true-up: commitment − Σ fees, when positive. */
    COMMITMENT,
    /** A one-off item of a manually created invoice. */
    ITEM,
    /** The difference found when a closed period was re-rated (late usage). */
    ADJUSTMENT,
    /** An applied coupon's discount (negative). */
    DISCOUNT,
    /** One tax rate's tax on the discounted fees. */
    TAX,
    /** Customer credit from a credit note consumed by this invoice (negative; reduces the amount due, not the total). */
    CREDIT_NOTE,
    /** Prepaid credit drawn from a wallet at finalization (negative; reduces the amount due, not the total). */
    WALLET;

    /** Whether the line is a fee (step 1): coupons are allocated over, and taxes computed on, these lines. */
    public boolean isFee() {
        return switch (this) {
            case SUBSCRIPTION, USAGE, ADD_ON, COMMITMENT, ITEM, ADJUSTMENT -> true;
            case DISCOUNT, TAX, CREDIT_NOTE, WALLET -> false;
        };
    }
}
