package com.novabilling.api.invoice;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The terms an invoice is issued on for one customer (and, for a subscription's invoice, its plan), each the most
 * specific one set: net payment terms from the customer, else the plan, else the tenant; the grace period from the
 * plan, else the tenant; the tax rate and the tax name each from the customer, else the tenant. A level that does not
 * set a term passes it on; a tenant that has set nothing answers 0 (docs/billing-rules.md §7).
 *
 * @param taxRate                the percentage taxed on fees after discounts (16 for VAT 16 %), 0 to 100 with at most
 *                               4 decimals, in its shortest form (16, not 16.00); 0 means exempt
 * @param taxName                the name of the tax line ({@code VAT}); null when neither the customer nor the tenant
 *                               names one
 * @param netPaymentTerms        days from the issue date to the due date (0: due on issue)
 * @param invoiceGracePeriodDays days a draft invoice stays open for late usage before it finalizes (0: at once)
 */
public record BillingTerms(BigDecimal taxRate, String taxName, int netPaymentTerms, int invoiceGracePeriodDays) {

    /** What a tenant that has set nothing bills on: no tax, due on issue, finalized at once. */
    public static final BillingTerms NONE = new BillingTerms(BigDecimal.ZERO, null, 0, 0);

    public BillingTerms {
        taxRate = canonicalRate(Objects.requireNonNull(taxRate, "taxRate"));
        if (taxRate.signum() < 0 || netPaymentTerms < 0 || invoiceGracePeriodDays < 0) {
            throw new IllegalArgumentException("billing terms are never negative");
        }
    }

    public boolean taxExempt() {
        return taxRate.signum() == 0;
    }

    /** A rate in its shortest form (16.00 → 16, 7.50 → 7.5, 0.0 → 0), so equal rates are equal; null stays null. */
    public static BigDecimal canonicalRate(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
