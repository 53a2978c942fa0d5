package com.novabilling.command.reference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks the tenant's event store whether an aggregate with a derived id (an invoice at a boundary, a credit-purchase
 * invoice, a credit note for a change) was created, so a redelivered trigger does not try to create it again.
 */
@Component
public class StoredAggregates {

    private final JdbcTemplate jdbcTemplate;

    public StoredAggregates(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public boolean exists(String aggregateId) {
        return !jdbcTemplate.queryForList("SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? LIMIT 1",
                Integer.class, aggregateId).isEmpty();
    }
}
