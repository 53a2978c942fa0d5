package com.novabilling.command.billingterms;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.command.customer.CustomerLookupTable;
import com.novabilling.command.plan.PlanLookupTable;
import com.novabilling.command.reference.UnitOfWorkMemo;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * The {@link BillingTermsLookup} over {@code customer_lookup} and {@code plan_lookup} (written in the transaction of
 * each customer and plan event) and the tenant's settings ({@link TenantBillingDefaults}).
 */
@Component
public class LookupBillingTerms implements BillingTermsLookup {

    private final CustomerLookupTable customers;
    private final PlanLookupTable plans;
    private final TenantBillingDefaults tenant;

    public LookupBillingTerms(CustomerLookupTable customers, PlanLookupTable plans, TenantBillingDefaults tenant) {
        this.customers = customers;
        this.plans = plans;
        this.tenant = tenant;
    }

    @Override
    public BillingTerms termsFor(String customerId, String planId) {
        Objects.requireNonNull(customerId, "customerId");
        return UnitOfWorkMemo.remember("billing-terms:" + customerId + ":" + planId, () -> read(customerId, planId));
    }

    private BillingTerms read(String customerId, String planId) {
        BillingTermsResolver.CustomerTerms customer = customers.findBillingTerms(customerId)
                .map(row -> new BillingTermsResolver.CustomerTerms(row.netPaymentTerms(), row.taxRate(), row.taxName()))
                .orElseThrow(() -> new NotFoundException("Customer", customerId));
        BillingTermsResolver.PlanTerms plan = planId == null ? BillingTermsResolver.PlanTerms.NONE
                : plans.findBillingTerms(planId)
                .map(row -> new BillingTermsResolver.PlanTerms(row.netPaymentTerms(), row.invoiceGracePeriodDays()))
                .orElseThrow(() -> new NotFoundException("Plan", planId));
        // the tenant's settings once a unit of work: the same for every invoice of a billing run's batch
        return BillingTermsResolver.resolve(customer, plan,
                UnitOfWorkMemo.remember("tenant-billing-defaults", tenant::current));
    }
}
