package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code customer_lookup} in step with the customers. The app runs {@link SameTransaction} groups as subscribing
 * processors, in the transaction that appends the events: a unique violation here rolls the events back.
 */
@Component
@SameTransaction
@ProcessingGroup(CustomerLookupUpdater.PROCESSING_GROUP)
public class CustomerLookupUpdater {

    public static final String PROCESSING_GROUP = "lookup-customer";

    private static final String UPSERT = """
            INSERT INTO customer_lookup (customer_id, external_id, email, currency) VALUES (?, ?, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE
            SET external_id = EXCLUDED.external_id, email = EXCLUDED.email, currency = EXCLUDED.currency
            """;

    private final JdbcTemplate jdbcTemplate;

    public CustomerLookupUpdater(JdbcTemplate jdbcTemplate) {
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
