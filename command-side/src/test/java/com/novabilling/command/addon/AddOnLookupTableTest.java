package com.novabilling.command.addon;

import com.novabilling.api.addon.AddOnDetails;
import com.novabilling.api.addon.AddOnAppliedEvent;
import com.novabilling.api.addon.AddOnCreatedEvent;
import com.novabilling.api.addon.AppliedAddOnInvoicedEvent;
import com.novabilling.api.addon.AppliedAddOnRemovedEvent;
import com.novabilling.api.addon.AddOnDeletedEvent;
import com.novabilling.api.addon.AddOnUpdatedEvent;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.addon.AddOnLookup.AddOnFacts;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.GuardedResource;
import com.novabilling.command.reference.JdbcResourceCodes;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The add-on lookup table's event handlers and queries, and the add-ons' codes, on the real tenant migrations
 * (no Spring).
 */
class AddOnLookupTableTest extends TenantSchemaTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Money USD_25 = Money.ofMinor(2500, CurrencyCode.USD);
    private static final Money UGX_50000 = Money.ofMinor(50000, CurrencyCode.UGX);

    private final ResourceCodes codes = new JdbcResourceCodes(jdbcTemplate);
    private final AddOnLookupTable lookup = new AddOnLookupTable(jdbcTemplate, codes);

    @BeforeEach
    void emptyTables() {
        jdbcTemplate.update("TRUNCATE addon_lookup, addon_price_lookup, pending_addon_lookup, resource_codes");
    }

    private static AddOnCreatedEvent created(String id, String code, Money... prices) {
        return new AddOnCreatedEvent(id, new AddOnDetails("Setup fee", code, null, "Onboarding", List.of(prices), Map.of()));
    }

    @Test
    void findsAddOnWithItsPricesInTheOrderGiven() {
        lookup.on(created("aon_a", "setup", UGX_50000, USD_25));

        assertThat(lookup.find("aon_a"))
                .contains(new AddOnFacts("aon_a", "setup", "Setup fee", "Onboarding", List.of(UGX_50000, USD_25)));
        assertThat(lookup.find("aon_a").orElseThrow().priceIn(CurrencyCode.USD)).contains(USD_25);
        assertThat(lookup.find("aon_a").orElseThrow().priceIn(CurrencyCode.EUR)).isEmpty();
        assertThat(lookup.find("aon_missing")).isEmpty();
        assertThat(codes.taken(CodeKind.ADD_ON, "setup", null)).isTrue();
        assertThat(codes.taken(CodeKind.ADD_ON, "setup", "aon_a")).isFalse();
    }

    @Test
    void updateReplacesNamesPricesAndMovesTheCode() {
        lookup.on(created("aon_a", "setup", UGX_50000, USD_25));

        Money eur = Money.ofMinor(2000, CurrencyCode.EUR);
        lookup.on(new AddOnUpdatedEvent("aon_a", new AddOnDetails("Setup", "setup-2", null, null, List.of(eur), Map.of())));

        assertThat(lookup.find("aon_a")).contains(new AddOnFacts("aon_a", "setup-2", "Setup", null, List.of(eur)));
        assertThat(codes.taken(CodeKind.ADD_ON, "setup", null)).isFalse();
        assertThat(codes.taken(CodeKind.ADD_ON, "setup-2", null)).isTrue();
    }

    @Test
    void deletionRemovesTheAddOnAndFreesItsCode() {
        lookup.on(created("aon_a", "setup", USD_25));

        lookup.on(new AddOnDeletedEvent("aon_a", "setup"));

        assertThat(lookup.find("aon_a")).isEmpty();
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM addon_price_lookup", Long.class)).isZero();
        assertThat(codes.taken(CodeKind.ADD_ON, "setup", null)).isFalse();
    }

    @Test
    void duplicateCodePastThePreCheckIsAConflictOnCode() {
        lookup.on(created("aon_a", "setup", USD_25));

        assertThatThrownBy(() -> lookup.on(created("aon_b", "setup", USD_25)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.getMessage()).isEqualTo("An add-on with code 'setup' already exists");
                });
    }

    @Test
    void redeliveredEventChangesNothing() {
        AddOnCreatedEvent event = created("aon_a", "setup", UGX_50000, USD_25);
        lookup.on(event);
        lookup.on(event);

        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM addon_lookup", Long.class)).isEqualTo(1);
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM addon_price_lookup", Long.class)).isEqualTo(2);
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM resource_codes", Long.class)).isEqualTo(1);
    }

    @Test
    void tableRefusesNonPositiveAmounts() {
        lookup.on(created("aon_a", "setup", USD_25));
        assertThatThrownBy(() -> jdbcTemplate.update("INSERT INTO addon_price_lookup (addon_id, currency, amount_minor, "
                + "position) VALUES ('aon_a', 'KES', 0, 1)"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void pendingApplicationsKeepTheirCustomerUntilRemoved() {
        lookup.on(applied("apa_2", "cus_1"), T0);
        lookup.on(applied("apa_1", "cus_1"), T0);
        lookup.on(applied("apa_1", "cus_1"), T0);
        lookup.on(applied("apa_3", "cus_2"), T0);
        AddOnCustomerGuard guard = new AddOnCustomerGuard(lookup);

        assertThat(lookup.pendingApplicationsOf("cus_1")).containsExactly("apa_1", "apa_2");
        assertThat(guard.reasonToKeep(GuardedResource.CUSTOMER, "cus_1")).contains("Customer has pending add-ons "
                + "apa_1, apa_2 waiting for an invoice; remove them first (DELETE /add-ons/applied/{id})");
        assertThat(guard.reasonToKeep(GuardedResource.PLAN, "cus_1")).isEmpty();

        lookup.on(new AppliedAddOnRemovedEvent("apa_1", "cus_1"));
        lookup.on(new AppliedAddOnRemovedEvent("apa_2", "cus_1"));
        lookup.on(new AppliedAddOnRemovedEvent("apa_2", "cus_1"));
        assertThat(lookup.pendingApplicationsOf("cus_1")).isEmpty();
        assertThat(guard.reasonToKeep(GuardedResource.CUSTOMER, "cus_1")).isEmpty();
        assertThat(lookup.pendingApplicationsOf("cus_2")).containsExactly("apa_3");
    }

    @Test
    void pendingAddOnsOfASubscriptionsInvoiceAreItsOwnAndTheCustomersInTheCurrencyOldestFirst() {
        lookup.on(applied("apa_b", "cus_1", null, USD_25), T0.plusSeconds(1));
        lookup.on(applied("apa_a", "cus_1", "sub_1", USD_25), T0.plusSeconds(2));
        lookup.on(applied("apa_c", "cus_1", "sub_2", USD_25), T0);
        lookup.on(applied("apa_d", "cus_1", null, Money.ofMinor(300000, CurrencyCode.KES)), T0);
        lookup.on(applied("apa_e", "cus_2", null, USD_25), T0);

        assertThat(lookup.pendingAddOnsOf("cus_1", "sub_1", CurrencyCode.USD)).containsExactly(
                new AddOnLookupTable.PendingAddOnFacts("apa_b", "Setup fee", 2, USD_25,
                        Money.ofMinor(5000, CurrencyCode.USD)),
                new AddOnLookupTable.PendingAddOnFacts("apa_a", "Setup fee", 2, USD_25,
                        Money.ofMinor(5000, CurrencyCode.USD)));

        lookup.on(new AppliedAddOnInvoicedEvent("apa_b", "cus_1", "inv_1"));
        lookup.on(new AppliedAddOnInvoicedEvent("apa_b", "cus_1", "inv_1"));
        assertThat(lookup.pendingAddOnsOf("cus_1", "sub_1", CurrencyCode.USD))
                .extracting(AddOnLookupTable.PendingAddOnFacts::appliedAddOnId).containsExactly("apa_a");
        assertThat(lookup.pendingApplicationsOf("cus_1")).containsExactly("apa_a", "apa_c", "apa_d");
    }

    private static AddOnAppliedEvent applied(String appliedId, String customerId, String subscriptionId,
                                             Money unit) {
        return new AddOnAppliedEvent(appliedId, "aon_a", "setup", "Setup fee", null, customerId, subscriptionId, 2,
                unit, Money.ofMinor(unit.minor() * 2, unit.currency()));
    }

    private static AddOnAppliedEvent applied(String appliedId, String customerId) {
        return new AddOnAppliedEvent(appliedId, "aon_a", "setup", "Setup fee", null, customerId, null, 2, USD_25,
                Money.ofMinor(5000, CurrencyCode.USD));
    }
}
