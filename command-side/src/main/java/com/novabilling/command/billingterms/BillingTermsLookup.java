package com.novabilling.command.billingterms;

import com.novabilling.billing.invoice.TaxRate;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.invoice.BillingTerms;

/**
 * The terms the current tenant's invoices are issued on (docs/billing-rules.md §7): for a customer and, where the
 * invoice bills a subscription, its plan, each term the most specific one set — net payment terms customer → plan →
 * tenant, grace period plan → tenant, tax rate and tax name customer → tenant (see {@link BillingTermsResolver}).
 * Invoice code injects it (a Spring bean, {@link LookupBillingTerms}; also as a command-handler parameter). It reads
 * the command side's lookup tables in the caller's transaction — never a read model — and the tenant's settings, so
 * a command sees every committed change. Call it with the tenant bound, as every command and event handler is.
 */
public interface BillingTermsLookup {

    /**
     * @param customerId the invoiced customer; a deleted customer's terms are still known
     * @param planId     the plan of the subscription invoiced, or null for an invoice of no plan (a one-off invoice)
     * @throws NotFoundException when the customer, or the plan when given, does not exist in the current tenant
     */
    BillingTerms termsFor(String customerId, String planId);

    /** The terms' tax as the billing engine applies it: exempt at 0 %, else named (or "Tax" when unnamed). */
    static TaxRate taxRateOf(BillingTerms terms) {
        return terms.taxExempt() ? TaxRate.exempt()
                : new TaxRate(terms.taxName() == null ? "" : terms.taxName(), terms.taxRate());
    }
}
