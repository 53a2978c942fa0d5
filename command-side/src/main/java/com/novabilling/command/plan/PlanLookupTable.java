package com.novabilling.command.plan;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDeletedEvent;
import com.novabilling.api.plan.PlanPriceAddedEvent;
import com.novabilling.api.plan.PlanPriceRemovedEvent;
import com.novabilling.api.plan.PlanUpdatedEvent;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The tenant's {@code plan_lookup} and {@code plan_price_lookup} tables and the plans' codes, kept in the transaction
 * that appends each plan event. Every statement is an upsert or a delete, so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-plan")
public class PlanLookupTable implements PlanLookup {

    private static final String UPSERT_PLAN = """
            INSERT INTO plan_lookup (plan_id, code, active) VALUES (?, ?, ?)
            ON CONFLICT (plan_id) DO UPDATE SET code = EXCLUDED.code, active = EXCLUDED.active
            """;
    private static final String INSERT_PRICE = """
            INSERT INTO plan_price_lookup (price_id, plan_id, currency) VALUES (?, ?, ?)
            ON CONFLICT (price_id) DO NOTHING
            """;

    private final JdbcTemplate jdbcTemplate;
    private final ResourceCodes codes;

    public PlanLookupTable(JdbcTemplate jdbcTemplate, ResourceCodes codes) {
        this.jdbcTemplate = jdbcTemplate;
        this.codes = codes;
    }

    @EventHandler
    public void on(PlanCreatedEvent event) {
        codes.claim(CodeKind.PLAN, event.code(), event.planId());
        jdbcTemplate.update(UPSERT_PLAN, event.planId(), event.code(), event.active());
        event.prices().forEach(price ->
                jdbcTemplate.update(INSERT_PRICE, price.priceId(), event.planId(), price.amount().currency().name()));
    }

    @EventHandler
    public void on(PlanUpdatedEvent event) {
        codes.claim(CodeKind.PLAN, event.code(), event.planId());
        jdbcTemplate.update(UPSERT_PLAN, event.planId(), event.code(), event.active());
    }

    @EventHandler
    public void on(PlanPriceAddedEvent event) {
        jdbcTemplate.update(INSERT_PRICE, event.priceId(), event.planId(), event.amount().currency().name());
    }

    @EventHandler
    public void on(PlanPriceRemovedEvent event) {
        jdbcTemplate.update("DELETE FROM plan_price_lookup WHERE price_id = ?", event.priceId());
    }

    @EventHandler
    public void on(PlanDeletedEvent event) {
        codes.release(event.planId());
        jdbcTemplate.update("DELETE FROM plan_lookup WHERE plan_id = ?", event.planId());
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
