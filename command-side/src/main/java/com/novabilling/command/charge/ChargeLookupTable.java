package com.novabilling.command.charge;

import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargeDetails;
import com.novabilling.api.charge.ChargeUpdatedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.metric.MetricUsage;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenant's {@code charge_lookup} (which plan, metric and currency each charge prices) and
 * {@code charge_filter_lookup} (the metric filter values its filters use), kept in the transaction that appends each
 * charge event: a second charge for the same plan, metric and currency rolls back.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-charge")
public class ChargeLookupTable implements ChargeLookup, MetricUsage {

    private static final String INSERT = """
            INSERT INTO charge_lookup (charge_id, plan_id, billable_metric_id, currency) VALUES (?, ?, ?, ?)
            ON CONFLICT (charge_id) DO NOTHING
            """;
    private static final String INSERT_FILTER_VALUE = """
            INSERT INTO charge_filter_lookup (charge_id, filter_key, filter_value) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final JdbcTemplate jdbcTemplate;

    public ChargeLookupTable(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    public void on(ChargeCreatedEvent event) {
        ChargeDetails charge = event.details();
        try {
            jdbcTemplate.update(INSERT, event.chargeId(), charge.planId(), charge.billableMetricId(),
                    charge.currency().name());
        } catch (DuplicateKeyException e) {
            // Only reached when two requests pass the aggregate's check concurrently.
            throw ChargeLookup.duplicate(charge);
        }
        replaceFilterValues(event.chargeId(), charge);
    }

    @EventHandler
    public void on(ChargeUpdatedEvent event) {
        replaceFilterValues(event.chargeId(), event.details());
    }

    @EventHandler
    public void on(ChargeDeletedEvent event) {
        jdbcTemplate.update("DELETE FROM charge_lookup WHERE charge_id = ?", event.chargeId());
    }

    @Override
    public Optional<String> chargeOf(String planId, String billableMetricId, CurrencyCode currency) {
        return jdbcTemplate.queryForList("""
                        SELECT charge_id FROM charge_lookup
                        WHERE plan_id = ? AND billable_metric_id = ? AND currency = ?
                        """, String.class, planId, billableMetricId, currency.name())
                .stream().findFirst();
    }

    @Override
    public List<String> chargesOfPlan(String planId) {
        return jdbcTemplate.queryForList("SELECT charge_id FROM charge_lookup WHERE plan_id = ? ORDER BY charge_id",
                String.class, planId);
    }

    @Override
    public long chargesOfPlanIn(String planId, CurrencyCode currency) {
        return count("SELECT count(*) FROM charge_lookup WHERE plan_id = ? AND currency = ?", planId, currency.name());
    }

    @Override
    public long chargesUsing(String billableMetricId) {
        return count("SELECT count(*) FROM charge_lookup WHERE billable_metric_id = ?", billableMetricId);
    }

    @Override
    public Map<String, Set<String>> filterValuesInUse(String billableMetricId) {
        Map<String, Set<String>> inUse = new LinkedHashMap<>();
        jdbcTemplate.query("""
                        SELECT DISTINCT f.filter_key, f.filter_value
                        FROM charge_filter_lookup f JOIN charge_lookup c ON c.charge_id = f.charge_id
                        WHERE c.billable_metric_id = ?
                        ORDER BY f.filter_key, f.filter_value
                        """,
                row -> {
                    inUse.computeIfAbsent(row.getString(1), key -> new TreeSet<>()).add(row.getString(2));
                }, billableMetricId);
        return inUse;
    }

    private void replaceFilterValues(String chargeId, ChargeDetails charge) {
        jdbcTemplate.update("DELETE FROM charge_filter_lookup WHERE charge_id = ?", chargeId);
        charge.pricing().filters().forEach(filter -> filter.values().forEach((key, values) -> values.forEach(value ->
                jdbcTemplate.update(INSERT_FILTER_VALUE, chargeId, key, value))));
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbcTemplate.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
