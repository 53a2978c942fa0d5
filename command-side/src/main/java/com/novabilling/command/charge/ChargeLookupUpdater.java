package com.novabilling.command.charge;

import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargeFilterPricing;
import com.novabilling.api.charge.ChargeUpdatedEvent;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps {@code charge_lookup} (which plan, metric and currency each charge prices) and {@code charge_filter_lookup}
 * (the metric filter values its filters use) in step with the charge events, in the transaction that appends them
 * ({@link SameTransaction}): a second charge for the same plan, metric and currency rolls back.
 */
@Component
@SameTransaction
@ProcessingGroup(ChargeLookupUpdater.PROCESSING_GROUP)
public class ChargeLookupUpdater {

    public static final String PROCESSING_GROUP = "lookup-charge";

    private static final String INSERT = """
            INSERT INTO charge_lookup (charge_id, plan_id, billable_metric_id, currency) VALUES (?, ?, ?, ?)
            ON CONFLICT (charge_id) DO NOTHING
            """;
    private static final String INSERT_FILTER_VALUE = """
            INSERT INTO charge_filter_lookup (charge_id, filter_key, filter_value) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final JdbcTemplate jdbcTemplate;

    public ChargeLookupUpdater(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    public void on(ChargeCreatedEvent event) {
        try {
            jdbcTemplate.update(INSERT, event.chargeId(), event.planId(), event.billableMetricId(),
                    event.currency().name());
        } catch (DuplicateKeyException e) {
            // Only reached when two requests pass the aggregate's check concurrently.
            throw ChargeConflicts.duplicate(event.planId(), event.billableMetricId(), event.currency());
        }
        replaceFilterValues(event.chargeId(), event.filters());
    }

    @EventHandler
    public void on(ChargeUpdatedEvent event) {
        replaceFilterValues(event.chargeId(), event.filters());
    }

    @EventHandler
    public void on(ChargeDeletedEvent event) {
        jdbcTemplate.update("DELETE FROM charge_lookup WHERE charge_id = ?", event.chargeId());
    }

    private void replaceFilterValues(String chargeId, List<ChargeFilterPricing> filters) {
        jdbcTemplate.update("DELETE FROM charge_filter_lookup WHERE charge_id = ?", chargeId);
        filters.forEach(filter -> filter.values().forEach((key, values) -> values.forEach(value ->
                jdbcTemplate.update(INSERT_FILTER_VALUE, chargeId, key, value))));
    }
}
