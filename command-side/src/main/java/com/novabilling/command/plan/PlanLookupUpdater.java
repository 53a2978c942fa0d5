package com.novabilling.command.plan;

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

/**
 * Keeps {@code plan_lookup}, {@code plan_price_lookup} and the plans' codes in step with the plan events, in the
 * transaction that appends them ({@link SameTransaction}). Every statement is an upsert or a delete,
 * so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup(PlanLookupUpdater.PROCESSING_GROUP)
public class PlanLookupUpdater {

    public static final String PROCESSING_GROUP = "lookup-plan";

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

    public PlanLookupUpdater(JdbcTemplate jdbcTemplate, ResourceCodes codes) {
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
}
