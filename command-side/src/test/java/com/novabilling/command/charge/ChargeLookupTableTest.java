package com.novabilling.command.charge;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargeDetails;
import com.novabilling.api.charge.ChargeFilterPricing;
import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.ChargeUpdatedEvent;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.PlanPrice;
import com.novabilling.command.plan.PlanLookupTable;
import com.novabilling.command.reference.GuardedResource;
import com.novabilling.command.reference.JdbcResourceCodes;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The charge lookup table's event handlers and queries, and the deletion guard, on the real tenant migrations
 * (no Spring).
 */
class ChargeLookupTableTest extends TenantSchemaTest {

    private final PlanLookupTable plans = new PlanLookupTable(jdbcTemplate, new JdbcResourceCodes(jdbcTemplate));
    private final ChargeLookupTable lookup = new ChargeLookupTable(jdbcTemplate);
    private final ChargeDeletionGuard guard = new ChargeDeletionGuard(lookup, plans);

    @BeforeEach
    void emptyTables() {
        jdbcTemplate.update("TRUNCATE charge_lookup, charge_filter_lookup, plan_lookup, plan_price_lookup, resource_codes");
    }

    @SafeVarargs
    private static ChargeCreatedEvent created(String id, String planId, String metricId, CurrencyCode currency,
                                              Map<String, List<String>>... filterValues) {
        List<ChargeFilterPricing> filters = Arrays.stream(filterValues)
                .map(values -> new ChargeFilterPricing(values, new ChargeProperties(BigDecimal.ONE, null, null, null,
                        null, null, null, null, null), null, null))
                .toList();
        return new ChargeCreatedEvent(id, new ChargeDetails(planId, metricId, currency, BillingTiming.IN_ARREARS,
                new ChargePricing(ChargeModel.STANDARD, new ChargeProperties(BigDecimal.TEN, null, null, null, null,
                null, null, null, null), null, null, filters)));
    }

    @Test
    void findsTheChargeOfAPlanMetricAndCurrency() {
        lookup.on(created("chg_a", "pln_1", "bm_1", CurrencyCode.USD));
        lookup.on(created("chg_b", "pln_1", "bm_1", CurrencyCode.KES));
        lookup.on(created("chg_c", "pln_2", "bm_1", CurrencyCode.USD));

        assertThat(lookup.chargeOf("pln_1", "bm_1", CurrencyCode.USD)).contains("chg_a");
        assertThat(lookup.chargeOf("pln_1", "bm_2", CurrencyCode.USD)).isEmpty();
        assertThat(lookup.chargesOfPlan("pln_1")).containsExactly("chg_a", "chg_b");
        assertThat(lookup.chargesOfPlanIn("pln_1", CurrencyCode.KES)).isEqualTo(1);
        assertThat(lookup.chargesUsing("bm_1")).isEqualTo(3);
    }

    @Test
    void secondChargeForTheSameTriplePastThePreCheckIsAConflict() {
        lookup.on(created("chg_a", "pln_1", "bm_1", CurrencyCode.USD));
        lookup.on(created("chg_a", "pln_1", "bm_1", CurrencyCode.USD));

        assertThatThrownBy(() -> lookup.on(created("chg_b", "pln_1", "bm_1", CurrencyCode.USD)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.field()).isEqualTo("billableMetricId"));
    }

    @Test
    void filterValuesInUseFollowTheChargesFilters() {
        lookup.on(created("chg_a", "pln_1", "bm_1", CurrencyCode.USD, Map.of("region", List.of("eu", "us-east")),
                Map.of("region", List.of("eu"), "tier", List.of("gold"))));
        lookup.on(created("chg_b", "pln_2", "bm_1", CurrencyCode.USD, Map.of("region", List.of("apac"))));

        assertThat(lookup.filterValuesInUse("bm_1")).isEqualTo(Map.of("region", Set.of("apac", "eu", "us-east"),
                "tier", Set.of("gold")));

        lookup.on(new ChargeUpdatedEvent("chg_a", new ChargeDetails("pln_1", "bm_1", CurrencyCode.USD,
                BillingTiming.IN_ARREARS, new ChargePricing(ChargeModel.STANDARD, new ChargeProperties(BigDecimal.TEN,
                null, null, null, null, null, null, null, null), null, null, List.of()))));
        assertThat(lookup.filterValuesInUse("bm_1")).isEqualTo(Map.of("region", Set.of("apac")));

        lookup.on(new ChargeDeletedEvent("chg_b", "pln_2", "bm_1", CurrencyCode.USD));
        assertThat(lookup.filterValuesInUse("bm_1")).isEmpty();
        assertThat(lookup.chargesUsing("bm_1")).isEqualTo(1);
    }

    @Test
    void guardKeepsUsedMetricsAndThePlanPricesChargesPriceIn() {
        plans.on(new PlanCreatedEvent("pln_1", new PlanDetails("Pro", "pro", null, BillingInterval.MONTHLY, List.of(),
                0, BillingTiming.IN_ADVANCE, null, null, true, Map.of()), List.of(
                new PlanPrice("prc_usd", Money.ofMinor(4999, CurrencyCode.USD)),
                new PlanPrice("prc_kes", Money.ofMinor(500000, CurrencyCode.KES)))));
        lookup.on(created("chg_a", "pln_1", "bm_1", CurrencyCode.USD));

        assertThat(guard.reasonToKeep(GuardedResource.BILLABLE_METRIC, "bm_1"))
                .contains("Billable metric bm_1 is used by 1 charge; delete those charges first");
        assertThat(guard.reasonToKeep(GuardedResource.BILLABLE_METRIC, "bm_2")).isEmpty();
        assertThat(guard.reasonToKeep(GuardedResource.PLAN_PRICE, "prc_usd")).hasValueSatisfying(reason ->
                assertThat(reason).contains("USD price of plan pln_1").contains("1 charge"));
        assertThat(guard.reasonToKeep(GuardedResource.PLAN_PRICE, "prc_kes")).isEmpty();
        assertThat(guard.reasonToKeep(GuardedResource.PLAN, "pln_1")).as("a plan's charges go with it").isEmpty();
    }
}
