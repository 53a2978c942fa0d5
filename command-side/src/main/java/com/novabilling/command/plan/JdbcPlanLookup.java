package com.novabilling.command.plan;

import com.novabilling.api.money.CurrencyCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
public class JdbcPlanLookup implements PlanLookup {

    private final JdbcTemplate jdbcTemplate;

    public JdbcPlanLookup(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public Optional<PlanFacts> find(String planId) {
        return jdbcTemplate.query("SELECT code, active FROM plan_lookup WHERE plan_id = ?",
                        (row, i) -> new PlanFacts(planId, row.getString(1), row.getBoolean(2), currencies(planId)),
                        planId)
                .stream().findFirst();
    }

    @Override
    public Optional<PriceFacts> findPrice(String priceId) {
        return jdbcTemplate.query("SELECT plan_id, currency FROM plan_price_lookup WHERE price_id = ?",
                        (row, i) -> new PriceFacts(priceId, row.getString(1), CurrencyCode.valueOf(row.getString(2))),
                        priceId)
                .stream().findFirst();
    }

    private List<CurrencyCode> currencies(String planId) {
        return jdbcTemplate.queryForList(
                        "SELECT currency FROM plan_price_lookup WHERE plan_id = ? ORDER BY position", String.class, planId)
                .stream().map(CurrencyCode::valueOf).toList();
    }
}
