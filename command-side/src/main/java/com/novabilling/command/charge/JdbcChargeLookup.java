package com.novabilling.command.charge;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.metric.MetricUsage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@Component
public class JdbcChargeLookup implements ChargeLookup, MetricUsage {

    private final JdbcTemplate jdbcTemplate;

    public JdbcChargeLookup(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
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

    private long count(String sql, Object... arguments) {
        Long count = jdbcTemplate.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
