package com.novabilling.command.billingterms;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.command.customer.CustomerLookupTable;
import com.novabilling.command.plan.PlanLookupTable;
import com.novabilling.command.reference.JdbcResourceCodes;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link LookupBillingTerms} over the real lookup tables, with the tenant's defaults stubbed. */
class LookupBillingTermsTest extends TenantSchemaTest {

    private static final BillingTerms TENANT = new BillingTerms(new BigDecimal("16"), "VAT", 14, 3);

    private final CustomerLookupTable customers = new CustomerLookupTable(jdbcTemplate);
    private final PlanLookupTable plans = new PlanLookupTable(jdbcTemplate, new JdbcResourceCodes(jdbcTemplate));
    private final BillingTermsLookup lookup = new LookupBillingTerms(customers, plans, () -> TENANT);

    @BeforeEach
    void emptyTables() {
        jdbcTemplate.update("TRUNCATE customer_lookup, plan_lookup, plan_price_lookup, resource_codes");
    }

    @Test
    void theMostSpecificTermWins() {
        customers.on(new CustomerCreatedEvent("cus_exempt", new CustomerDetails(null, "Exempt", "exempt@example.com", null, null, null, BigDecimal.ZERO, null, Map.of())));
        customers.on(new CustomerCreatedEvent("cus_plain", new CustomerDetails(null, "Plain", "plain@example.com", null, null, null, null, null, Map.of())));
        customers.on(new CustomerCreatedEvent("cus_terms", new CustomerDetails(null, "Terms", "terms@example.com", null, null, 60, null, null, Map.of())));
        plans.on(new PlanCreatedEvent("pln_net30", new PlanDetails("Net 30", "net30", null, BillingInterval.MONTHLY,
                List.of(), 0, BillingTiming.IN_ARREARS, 30, 7, true, Map.of()), List.of()));

        assertThat(lookup.termsFor("cus_plain", null)).isEqualTo(TENANT);
        assertThat(lookup.termsFor("cus_plain", "pln_net30"))
                .isEqualTo(new BillingTerms(new BigDecimal("16"), "VAT", 30, 7));
        assertThat(lookup.termsFor("cus_terms", "pln_net30"))
                .isEqualTo(new BillingTerms(new BigDecimal("16"), "VAT", 60, 7));
        assertThat(lookup.termsFor("cus_exempt", "pln_net30"))
                .isEqualTo(new BillingTerms(BigDecimal.ZERO, "VAT", 30, 7));
    }

    @Test
    void aDeletedCustomersTermsAreStillKnownButUnknownIdsAreNotFound() {
        customers.on(new CustomerCreatedEvent("cus_gone", new CustomerDetails(null, "Gone", "gone@example.com", null, null, 45, null, null, Map.of())));
        customers.on(new CustomerDeletedEvent("cus_gone"));
        assertThat(lookup.termsFor("cus_gone", null).netPaymentTerms()).isEqualTo(45);

        assertThatThrownBy(() -> lookup.termsFor("cus_missing", null))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("Customer"));
        assertThatThrownBy(() -> lookup.termsFor("cus_gone", "pln_missing"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("Plan"));
    }
}
