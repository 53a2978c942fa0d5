package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tenant's {@code customer_lookup} table, kept in the transaction that appends each customer event: a unique
 * violation here rolls the events back.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-customer")
public class CustomerLookupTable implements CustomerLookup {

    private static final String UPSERT = """
            INSERT INTO customer_lookup (customer_id, external_id, email, currency, net_payment_terms, tax_rate,
                                         tax_name)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE
            SET external_id = EXCLUDED.external_id, email = EXCLUDED.email, currency = EXCLUDED.currency,
                net_payment_terms = EXCLUDED.net_payment_terms, tax_rate = EXCLUDED.tax_rate,
                tax_name = EXCLUDED.tax_name
            WHERE NOT customer_lookup.deleted
            """;

    private final JdbcTemplate jdbcTemplate;

    public CustomerLookupTable(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    public void on(CustomerCreatedEvent event) {
        upsert(event.customerId(), event.details());
    }

    @EventHandler
    public void on(CustomerUpdatedEvent event) {
        upsert(event.customerId(), event.details());
    }

    /**
     * The row stays, marked deleted, so that a subscription asked for the customer is refused as "deleted" (409)
     * rather than "not found"; its email and external id are released for other customers.
     */
    @EventHandler
    public void on(CustomerDeletedEvent event) {
        jdbcTemplate.update("""
                INSERT INTO customer_lookup (customer_id, email, deleted) VALUES (?, NULL, TRUE)
                ON CONFLICT (customer_id) DO UPDATE SET deleted = TRUE, email = NULL, external_id = NULL
                """, event.customerId());
    }

    @Override
    public boolean emailTaken(String email, String exceptCustomerId) {
        if (email == null) {
            return false;
        }
        return takenByOther("SELECT customer_id FROM customer_lookup WHERE email = ?",
                email.trim().toLowerCase(Locale.ROOT), exceptCustomerId);
    }

    @Override
    public boolean externalIdTaken(String externalId, String exceptCustomerId) {
        if (externalId == null) {
            return false;
        }
        return takenByOther("SELECT customer_id FROM customer_lookup WHERE external_id = ?", externalId, exceptCustomerId);
    }

    @Override
    public Optional<CustomerFacts> find(String customerId) {
        return jdbcTemplate.query(
                        "SELECT customer_id, currency FROM customer_lookup WHERE customer_id = ? AND NOT deleted",
                        (row, i) -> new CustomerFacts(row.getString(1), CurrencyCode.parse(row.getString(2)).orElse(null)),
                        customerId)
                .stream().findFirst();
    }

    /**
     * The customer's currency and whether it was deleted, locking its row until the transaction ends: FOR SHARE
     * (subscribing: several subscriptions of one customer may be created at once) or FOR UPDATE (deleting). The lock
     * serialises a customer's deletion against a concurrent subscription to it: whichever locks first commits first,
     * and the other then sees its result (READ COMMITTED re-reads the locked row).
     */
    public Optional<CustomerRow> lock(String customerId, boolean exclusive) {
        String sql = "SELECT customer_id, currency, deleted FROM customer_lookup WHERE customer_id = ? "
                + (exclusive ? "FOR UPDATE" : "FOR SHARE");
        return jdbcTemplate.query(sql, (row, i) -> new CustomerRow(row.getString(1),
                                CurrencyCode.parse(row.getString(2)).orElse(null), row.getBoolean(3)), customerId)
                .stream().findFirst();
    }

    /**
     * The customer's own billing terms (docs/billing-rules.md §7), if the customer exists — a deleted one too, whose
     * last invoices may still be issued.
     */
    public Optional<BillingTermsRow> findBillingTerms(String customerId) {
        return jdbcTemplate.query(
                        "SELECT net_payment_terms, tax_rate, tax_name FROM customer_lookup WHERE customer_id = ?",
                        (row, i) -> new BillingTermsRow(customerId, (Integer) row.getObject(1),
                                BillingTerms.canonicalRate(row.getBigDecimal(2)), row.getString(3)), customerId)
                .stream().findFirst();
    }

    /** The billing terms a customer sets itself; each null where it leaves it to its plan or tenant. */
    public record BillingTermsRow(String customerId, Integer netPaymentTerms, BigDecimal taxRate, String taxName) {
    }

    /** A {@code customer_lookup} row; {@code currency} null when none was set. */
    public record CustomerRow(String customerId, CurrencyCode currency, boolean deleted) {
    }

    private boolean takenByOther(String ownerQuery, String value, String exceptCustomerId) {
        List<String> owners = jdbcTemplate.queryForList(ownerQuery, String.class, value);
        return owners.stream().anyMatch(owner -> !owner.equals(exceptCustomerId));
    }

    private void upsert(String customerId, CustomerDetails customer) {
        try {
            jdbcTemplate.update(UPSERT, customerId, customer.externalId(), customer.email(), customer.currency(),
                    customer.netPaymentTerms(), customer.taxRate(), customer.taxName());
        } catch (DuplicateKeyException e) {
            // Only reached when two requests pass the pre-check concurrently; answer the loser like the pre-check would.
            throw duplicateOf(e, customer.externalId(), customer.email());
        }
    }

    private static RuntimeException duplicateOf(DuplicateKeyException e, String externalId, String email) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("customer_lookup_email_uk")) {
            return CustomerLookup.emailConflict(email);
        }
        if (message.contains("customer_lookup_external_id_uk")) {
            return CustomerLookup.externalIdConflict(externalId);
        }
        return e;
    }
}
