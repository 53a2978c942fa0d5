package com.novabilling.command.plan;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDeletedEvent;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.PlanPrice;
import com.novabilling.api.plan.PlanPriceAddedEvent;
import com.novabilling.api.plan.PlanPriceRemovedEvent;
import com.novabilling.api.plan.PlanUpdatedEvent;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.JdbcResourceCodes;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan lookup table's event handlers and queries, and the shared code table, on the real tenant migrations
 * (no Spring).
 */
class PlanLookupTableTest extends TenantSchemaTest {

    private final ResourceCodes codes = new JdbcResourceCodes(jdbcTemplate);
    private final PlanLookupTable lookup = new PlanLookupTable(jdbcTemplate, codes);

    @BeforeEach
    void emptyTables() {
        jdbcTemplate.update("TRUNCATE plan_lookup, plan_price_lookup, resource_codes");
    }

    private static PlanCreatedEvent created(String id, String code, PlanPrice... prices) {
        return new PlanCreatedEvent(id, new PlanDetails("Name", code, null, BillingInterval.MONTHLY, List.of(), 0,
                BillingTiming.IN_ADVANCE, null, null, true, Map.of()), List.of(prices));
    }

    @Test
    void findsPlanWithCurrenciesInTheOrderPricesWereAdded() {
        lookup.on(created("pln_a", "pro", new PlanPrice("prc_kes", Money.ofMinor(100, CurrencyCode.KES)),
                new PlanPrice("prc_usd", Money.ofMinor(100, CurrencyCode.USD))));
        lookup.on(new PlanPriceAddedEvent("pln_a", "prc_ugx", Money.ofMinor(5000, CurrencyCode.UGX)));

        PlanLookup.PlanFacts facts = lookup.find("pln_a").orElseThrow();
        assertThat(facts.code()).isEqualTo("pro");
        assertThat(facts.active()).isTrue();
        assertThat(facts.currencies()).containsExactly(CurrencyCode.KES, CurrencyCode.USD, CurrencyCode.UGX);
        assertThat(lookup.findPrice("prc_usd")).contains(new PlanLookup.PriceFacts("prc_usd", "pln_a", CurrencyCode.USD));
        assertThat(lookup.find("pln_missing")).isEmpty();

        lookup.on(new PlanPriceRemovedEvent("pln_a", "prc_kes", CurrencyCode.KES));
        assertThat(lookup.find("pln_a").orElseThrow().currencies()).containsExactly(CurrencyCode.USD, CurrencyCode.UGX);
        assertThat(lookup.findPrice("prc_kes")).isEmpty();
    }

    @Test
    void updateMovesTheCodeAndDeletionReleasesIt() {
        lookup.on(created("pln_a", "pro"));
        lookup.on(new PlanUpdatedEvent("pln_a", new PlanDetails("Name", "pro-2", null, BillingInterval.MONTHLY,
                List.of(), 0, BillingTiming.IN_ADVANCE, null, null, false, Map.of())));
        assertThat(codes.taken(CodeKind.PLAN, "pro", null)).isFalse();
        assertThat(codes.taken(CodeKind.PLAN, "pro-2", null)).isTrue();
        assertThat(codes.taken(CodeKind.PLAN, "pro-2", "pln_a")).isFalse();
        assertThat(codes.taken(CodeKind.COUPON, "pro-2", null)).as("codes are unique per kind").isFalse();
        assertThat(lookup.find("pln_a").orElseThrow().active()).isFalse();

        lookup.on(new PlanDeletedEvent("pln_a", "pro-2"));
        assertThat(lookup.find("pln_a")).isEmpty();
        assertThat(codes.taken(CodeKind.PLAN, "pro-2", null)).isFalse();
    }

    @Test
    void duplicateCodePastThePreCheckIsAConflictOnCode() {
        lookup.on(created("pln_a", "pro"));
        assertThatThrownBy(() -> lookup.on(created("pln_b", "pro")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.getMessage()).isEqualTo("A plan with code 'pro' already exists");
                });
    }

    @Test
    void redeliveredEventsChangeNothing() {
        PlanCreatedEvent event = created("pln_a", "pro", new PlanPrice("prc_usd", Money.ofMinor(100, CurrencyCode.USD)));
        lookup.on(event);
        lookup.on(event);
        lookup.on(new PlanPriceAddedEvent("pln_a", "prc_usd", Money.ofMinor(100, CurrencyCode.USD)));
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM plan_price_lookup", Long.class)).isEqualTo(1);
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM resource_codes", Long.class)).isEqualTo(1);
    }

    @Test
    void keepsThePlansOwnBillingTermsAndReadsOldEventsAsInAdvanceWithNone() {
        lookup.on(new PlanCreatedEvent("pln_a", new PlanDetails("Name", "pro", null, BillingInterval.MONTHLY, List.of(),
                0, BillingTiming.IN_ARREARS, 30, 5, true, Map.of()), List.of()));
        assertThat(lookup.findBillingTerms("pln_a"))
                .contains(new PlanLookupTable.BillingTermsRow("pln_a", BillingTiming.IN_ARREARS, 30, 5));

        lookup.on(new PlanUpdatedEvent("pln_a", new PlanDetails("Name", "pro", null, BillingInterval.MONTHLY, List.of(),
                0, null, null, null, true, Map.of())));
        assertThat(lookup.findBillingTerms("pln_a"))
                .contains(new PlanLookupTable.BillingTermsRow("pln_a", BillingTiming.IN_ADVANCE, null, null));

        lookup.on(new PlanDeletedEvent("pln_a", "pro"));
        assertThat(lookup.findBillingTerms("pln_a")).isEmpty();
    }
}
