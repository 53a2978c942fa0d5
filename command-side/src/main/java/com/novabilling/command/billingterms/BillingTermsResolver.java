package com.novabilling.command.billingterms;

import com.novabilling.api.invoice.BillingTerms;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The most specific term wins (docs/billing-rules.md §7), term by term: net payment terms from the customer, else the
 * plan, else the tenant; the grace period from the plan, else the tenant; the tax rate from the customer, else the
 * tenant, and the tax name likewise. A null term is one the level does not set; a customer's tax rate of 0 is set
 * (the customer is exempt) and wins over the tenant's. Pure: no database, no tenant.
 */
public final class BillingTermsResolver {

    private BillingTermsResolver() {
    }

    public static BillingTerms resolve(CustomerTerms customer, PlanTerms plan, BillingTerms tenant) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(tenant, "tenant");
        return new BillingTerms(
                firstSet(customer.taxRate(), tenant.taxRate()),
                firstSet(customer.taxName(), tenant.taxName()),
                firstSet(customer.netPaymentTerms(), plan.netPaymentTerms(), tenant.netPaymentTerms()),
                firstSet(plan.invoiceGracePeriodDays(), tenant.invoiceGracePeriodDays()));
    }

    /** What a customer sets itself; each component null where it leaves the term to its plan or tenant. */
    public record CustomerTerms(Integer netPaymentTerms, BigDecimal taxRate, String taxName) {
        public static final CustomerTerms NONE = new CustomerTerms(null, null, null);
    }

    /** What a plan sets itself; each component null where it leaves the term to the tenant. */
    public record PlanTerms(Integer netPaymentTerms, Integer invoiceGracePeriodDays) {
        /** An invoice of no plan (a one-off invoice): the plan level sets nothing. */
        public static final PlanTerms NONE = new PlanTerms(null, null);
    }

    private static <T> T firstSet(T specific, T fallback) {
        return specific != null ? specific : fallback;
    }

    private static int firstSet(Integer customer, Integer plan, int tenant) {
        return customer != null ? customer : plan != null ? plan : tenant;
    }
}
