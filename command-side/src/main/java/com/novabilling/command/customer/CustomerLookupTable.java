package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
            INSERT INTO customer_lookup (customer_id, external_id, email, currency) VALUES (?, ?, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE
            SET external_id = EXCLUDED.external_id, email = EXCLUDED.email, currency = EXCLUDED.currency
            """;

    private final JdbcTemplate jdbcTemplate;

    public CustomerLookupTable(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    public void on(CustomerCreatedEvent event) {
        upsert(event.customerId(), event.externalId(), event.email(), event.currency());
    }

    @EventHandler
    public void on(CustomerUpdatedEvent event) {
        upsert(event.customerId(), event.externalId(), event.email(), event.currency());
    }

    @EventHandler
    public void on(CustomerDeletedEvent event) {
        jdbcTemplate.update("DELETE FROM customer_lookup WHERE customer_id = ?", event.customerId());
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
        return jdbcTemplate.query("SELECT customer_id, currency FROM customer_lookup WHERE customer_id = ?",
                        (row, i) -> new CustomerFacts(row.getString(1), CurrencyCode.parse(row.getString(2)).orElse(null)),
                        customerId)
                .stream().findFirst();
    }

    private boolean takenByOther(String ownerQuery, String value, String exceptCustomerId) {
        List<String> owners = jdbcTemplate.queryForList(ownerQuery, String.class, value);
        return owners.stream().anyMatch(owner -> !owner.equals(exceptCustomerId));
    }

    private void upsert(String customerId, String externalId, String email, String currency) {
        try {
            jdbcTemplate.update(UPSERT, customerId, externalId, email, currency);
        } catch (DuplicateKeyException e) {
            // Only reached when two requests pass the pre-check concurrently; answer the loser like the pre-check would.
            throw duplicateOf(e, externalId, email);
        }
    }

    private static RuntimeException duplicateOf(DuplicateKeyException e, String externalId, String email) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("customer_lookup_email_uk")) {
            return CustomerConflicts.emailTaken(email);
        }
        if (message.contains("customer_lookup_external_id_uk")) {
            return CustomerConflicts.externalIdTaken(externalId);
        }
        return e;
    }
}
