package com.novabilling.command.billingterms;

import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.command.billingterms.BillingTermsResolver.CustomerTerms;
import com.novabilling.command.billingterms.BillingTermsResolver.PlanTerms;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The precedence of billing terms (docs/billing-rules.md §7), term by term. */
class BillingTermsResolverTest {

    private static final BillingTerms TENANT = new BillingTerms(new BigDecimal("16"), "VAT", 14, 3);

    @Test
    void aTenantThatHasSetNothingBillsWithNoTaxDueOnIssueAndFinalizesAtOnce() {
        assertThat(BillingTermsResolver.resolve(CustomerTerms.NONE, PlanTerms.NONE, BillingTerms.NONE))
                .isEqualTo(new BillingTerms(BigDecimal.ZERO, null, 0, 0));
    }

    @Test
    void withNothingSetByCustomerOrPlanTheTenantsTermsApply() {
        assertThat(BillingTermsResolver.resolve(CustomerTerms.NONE, PlanTerms.NONE, TENANT)).isEqualTo(TENANT);
    }

    @Test
    void netPaymentTermsComeFromTheCustomerElseThePlanElseTheTenant() {
        assertThat(resolve(new CustomerTerms(45, null, null), new PlanTerms(30, null)).netPaymentTerms()).isEqualTo(45);
        assertThat(resolve(CustomerTerms.NONE, new PlanTerms(30, null)).netPaymentTerms()).isEqualTo(30);
        assertThat(resolve(CustomerTerms.NONE, PlanTerms.NONE).netPaymentTerms()).isEqualTo(14);
        assertThat(resolve(new CustomerTerms(0, null, null), new PlanTerms(30, null)).netPaymentTerms())
                .as("0 set by the customer is a term (due on issue), not an absence").isZero();
    }

    @Test
    void theGracePeriodComesFromThePlanElseTheTenant() {
        assertThat(resolve(CustomerTerms.NONE, new PlanTerms(null, 7)).invoiceGracePeriodDays()).isEqualTo(7);
        assertThat(resolve(CustomerTerms.NONE, new PlanTerms(null, 0)).invoiceGracePeriodDays()).isZero();
        assertThat(resolve(CustomerTerms.NONE, new PlanTerms(30, null)).invoiceGracePeriodDays()).isEqualTo(3);
    }

    @Test
    void taxComesFromTheCustomerElseTheTenantAndAnExplicitZeroIsAnExemption() {
        BillingTerms exempt = resolve(new CustomerTerms(null, BigDecimal.ZERO, null), PlanTerms.NONE);
        assertThat(exempt.taxRate()).isEqualByComparingTo("0");
        assertThat(exempt.taxExempt()).isTrue();
        assertThat(exempt.taxName()).as("a name the customer does not set is the tenant's").isEqualTo("VAT");

        BillingTerms reduced = resolve(new CustomerTerms(null, new BigDecimal("8.00"), "Reduced VAT"), PlanTerms.NONE);
        assertThat(reduced.taxRate()).isEqualTo(new BigDecimal("8"));
        assertThat(reduced.taxName()).isEqualTo("Reduced VAT");

        BillingTerms renamed = resolve(new CustomerTerms(null, null, "GST"), PlanTerms.NONE);
        assertThat(renamed.taxRate()).isEqualTo(new BigDecimal("16"));
        assertThat(renamed.taxName()).isEqualTo("GST");
        assertThat(resolve(CustomerTerms.NONE, PlanTerms.NONE).taxExempt()).isFalse();
    }

    @Test
    void everyLevelAtOnce() {
        assertThat(resolve(new CustomerTerms(60, new BigDecimal("7.5"), null), new PlanTerms(30, 2)))
                .isEqualTo(new BillingTerms(new BigDecimal("7.5"), "VAT", 60, 2));
    }

    @Test
    void termsAreNeverNegativeAndRatesAreCanonical() {
        assertThat(new BillingTerms(new BigDecimal("16.000"), null, 0, 0))
                .isEqualTo(new BillingTerms(new BigDecimal("16"), null, 0, 0));
        assertThat(new BillingTerms(new BigDecimal("0.00"), null, 0, 0).taxRate()).hasToString("0");
        assertThatThrownBy(() -> new BillingTerms(new BigDecimal("-1"), null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BillingTerms(BigDecimal.ZERO, null, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BillingTerms resolve(CustomerTerms customer, PlanTerms plan) {
        return BillingTermsResolver.resolve(customer, plan, TENANT);
    }
}
