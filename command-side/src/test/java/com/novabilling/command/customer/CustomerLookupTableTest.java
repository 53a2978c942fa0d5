package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customer lookup table's event handlers and queries against the real tenant migrations on PostgreSQL (plain
 * JDBC, no Spring context).
 */
class CustomerLookupTableTest extends TenantSchemaTest {

    private final CustomerLookupTable lookup = new CustomerLookupTable(jdbcTemplate);

    @BeforeEach
    void emptyTable() {
        jdbcTemplate.update("TRUNCATE customer_lookup");
    }

    private static CustomerCreatedEvent created(String id, String externalId, String email) {
        return new CustomerCreatedEvent(id, new CustomerDetails(externalId, "Name", email, null, null, null, null, null, Map.of()));
    }

    private static CustomerUpdatedEvent updated(String id, String externalId, String email) {
        return new CustomerUpdatedEvent(id, new CustomerDetails(externalId, "Name", email, null, null, null, null, null, Map.of()));
    }

    @Test
    void createdCustomerTakesItsEmailAndExternalIdFromOthersOnly() {
        lookup.on(created("cus_a", "ext_1", "jane@example.com"));

        assertThat(lookup.emailTaken("Jane@Example.com", null)).isTrue();
        assertThat(lookup.emailTaken("jane@example.com", "cus_b")).isTrue();
        assertThat(lookup.emailTaken("jane@example.com", "cus_a")).isFalse();
        assertThat(lookup.externalIdTaken("ext_1", null)).isTrue();
        assertThat(lookup.externalIdTaken("ext_1", "cus_a")).isFalse();
        assertThat(lookup.externalIdTaken("EXT_1", null)).as("external ids are case-sensitive").isFalse();
    }

    @Test
    void duplicateEmailPastThePreCheckIsAConflictOnEmail() {
        lookup.on(created("cus_a", null, "jane@example.com"));

        assertThatThrownBy(() -> lookup.on(created("cus_b", null, "jane@example.com")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void duplicateExternalIdPastThePreCheckIsAConflictOnExternalId() {
        lookup.on(created("cus_a", "ext_1", "a@example.com"));

        assertThatThrownBy(() -> lookup.on(updated("cus_b", "ext_1", "b@example.com")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("externalId"));
    }

    @Test
    void customersWithoutExternalIdDoNotCollide() {
        lookup.on(created("cus_a", null, "a@example.com"));
        lookup.on(created("cus_b", null, "b@example.com"));

        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM customer_lookup", Long.class)).isEqualTo(2);
    }

    @Test
    void redeliveredEventChangesNothing() {
        lookup.on(created("cus_a", "ext_1", "a@example.com"));
        lookup.on(created("cus_a", "ext_1", "a@example.com"));

        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM customer_lookup", Long.class)).isEqualTo(1);
    }

    @Test
    void updateReleasesTheOldValues() {
        lookup.on(created("cus_a", "ext_1", "old@example.com"));

        lookup.on(updated("cus_a", "ext_2", "new@example.com"));

        assertThat(lookup.emailTaken("old@example.com", null)).isFalse();
        assertThat(lookup.externalIdTaken("ext_1", null)).isFalse();
        assertThat(lookup.emailTaken("new@example.com", null)).isTrue();
        assertThat(lookup.externalIdTaken("ext_2", null)).isTrue();
    }

    @Test
    void deletionReleasesEmailAndExternalId() {
        lookup.on(created("cus_a", "ext_1", "jane@example.com"));

        lookup.on(new CustomerDeletedEvent("cus_a"));
        lookup.on(created("cus_b", "ext_1", "jane@example.com"));

        assertThat(lookup.emailTaken("jane@example.com", "cus_b")).isFalse();
        assertThat(lookup.externalIdTaken("ext_1", "cus_b")).isFalse();
    }

    @Test
    void findsExistingCustomersWithTheirCurrency() {
        lookup.on(new CustomerCreatedEvent("cus_a", new CustomerDetails(null, "Name", "a@example.com", null, "KES", null, null, null, Map.of())));
        lookup.on(new CustomerCreatedEvent("cus_b", new CustomerDetails(null, "Name", "b@example.com", null, null, null, null, null, Map.of())));

        assertThat(lookup.find("cus_a")).contains(new CustomerLookup.CustomerFacts("cus_a", CurrencyCode.KES));
        assertThat(lookup.find("cus_b")).contains(new CustomerLookup.CustomerFacts("cus_b", null));
        assertThat(lookup.find("cus_missing")).isEmpty();

        lookup.on(new CustomerUpdatedEvent("cus_b", new CustomerDetails(null, "Name", "b@example.com", null, "UGX", null, null, null, Map.of())));
        assertThat(lookup.find("cus_b").orElseThrow().currency()).isEqualTo(CurrencyCode.UGX);
        lookup.on(new CustomerDeletedEvent("cus_a"));
        assertThat(lookup.find("cus_a")).isEmpty();
    }

    @Test
    void tableRefusesUpperCaseEmails() {
        assertThatThrownBy(() -> jdbcTemplate.update(
                "INSERT INTO customer_lookup (customer_id, email) VALUES ('cus_x', 'Jane@example.com')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void keepsTheCustomersOwnBillingTermsAlsoOnceDeleted() {
        lookup.on(created("cus_a", null, "jane@example.com"));
        assertThat(lookup.findBillingTerms("cus_a"))
                .contains(new CustomerLookupTable.BillingTermsRow("cus_a", null, null, null));

        lookup.on(new CustomerUpdatedEvent("cus_a", new CustomerDetails(null, "Name", "jane@example.com", null, null, 30, new BigDecimal("12.3456"), "VAT", Map.of())));
        assertThat(lookup.findBillingTerms("cus_a"))
                .contains(new CustomerLookupTable.BillingTermsRow("cus_a", 30, new BigDecimal("12.3456"), "VAT"));

        lookup.on(new CustomerUpdatedEvent("cus_a", new CustomerDetails(null, "Name", "jane@example.com", null, null, 30, new BigDecimal("16"), "VAT", Map.of())));
        assertThat(lookup.findBillingTerms("cus_a").orElseThrow().taxRate()).as("16.0000 read back as 16")
                .isEqualTo(new BigDecimal("16"));

        lookup.on(new CustomerDeletedEvent("cus_a"));
        assertThat(lookup.findBillingTerms("cus_a"))
                .contains(new CustomerLookupTable.BillingTermsRow("cus_a", 30, new BigDecimal("16"), "VAT"));
        assertThat(lookup.findBillingTerms("cus_missing")).isEmpty();
    }
}
