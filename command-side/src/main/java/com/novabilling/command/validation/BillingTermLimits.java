package com.novabilling.command.validation;

/**
 * Bounds of the billing terms a plan, a customer or the tenant may set (docs/billing-rules.md §7): days at most a
 * year, a tax rate from 0 to 100 percent with at most 4 decimals (see {@link TaxRate}), a tax name of at most 100
 * characters.
 */
public final class BillingTermLimits {

    public static final long MAX_DAYS = 365;
    public static final int TAX_RATE_DECIMALS = 4;
    public static final int MAX_TAX_NAME_LENGTH = 100;

    public static final String NET_PAYMENT_TERMS = "Days from the invoice's issue date to its due date, 0 to 365";
    public static final String GRACE_PERIOD = "Days a draft invoice stays open for late usage before it finalizes, "
            + "0 to 365";
    public static final String TAX_RATE = "Tax in percent, 0 to 100 with at most 4 decimals (16 for VAT 16 %); "
            + "0 means exempt";
    public static final String TAX_NAME = "The name of the tax line, e.g. VAT; at most 100 characters";

    private BillingTermLimits() {
    }
}
