package com.novabilling.command.plan;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDeletedEvent;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.PlanPriceAddedEvent;
import com.novabilling.api.plan.PlanPriceRemovedEvent;
import com.novabilling.api.plan.PlanPriceUpdatedEvent;
import com.novabilling.api.plan.PlanUpdatedEvent;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import com.novabilling.command.reference.UnitOfWorkMemo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
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
            INSERT INTO plan_lookup (plan_id, code, active, billing_interval, trial_days, billing_timing,
                                     net_payment_terms, invoice_grace_period_days)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (plan_id) DO UPDATE SET code = EXCLUDED.code, active = EXCLUDED.active,
                billing_interval = EXCLUDED.billing_interval, trial_days = EXCLUDED.trial_days,
                billing_timing = EXCLUDED.billing_timing, net_payment_terms = EXCLUDED.net_payment_terms,
                invoice_grace_period_days = EXCLUDED.invoice_grace_period_days
            """;
    private static final String INSERT_PRICE = """
            INSERT INTO plan_price_lookup (price_id, plan_id, currency, amount_minor) VALUES (?, ?, ?, ?)
            ON CONFLICT (price_id) DO UPDATE SET amount_minor = EXCLUDED.amount_minor
            """;

    private final JdbcTemplate jdbcTemplate;
    private final ResourceCodes codes;

    public PlanLookupTable(JdbcTemplate jdbcTemplate, ResourceCodes codes) {
        this.jdbcTemplate = jdbcTemplate;
        this.codes = codes;
    }

    @EventHandler
    public void on(PlanCreatedEvent event) {
        upsertPlan(event.planId(), event.details());
        event.prices().forEach(price -> upsertPrice(event.planId(), price.priceId(), price.amount()));
    }

    @EventHandler
    public void on(PlanUpdatedEvent event) {
        upsertPlan(event.planId(), event.details());
    }

    @EventHandler
    public void on(PlanPriceAddedEvent event) {
        upsertPrice(event.planId(), event.priceId(), event.amount());
    }

    @EventHandler
    public void on(PlanPriceUpdatedEvent event) {
        jdbcTemplate.update("UPDATE plan_price_lookup SET amount_minor = ? WHERE price_id = ?",
                event.amount().minor(), event.priceId());
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

    /**
     * What a subscription decides on (docs/billing-rules.md §10), the row locked FOR SHARE until the transaction
     * ends so that the plan cannot be deleted under a subscription being created (the deletion guard locks it FOR
     * UPDATE). The interval is null and prices are left out where they are unknown (a row the V11_101 backfill
     * found no event for).
     */
    public Optional<PlanRow> lockTerms(String planId, boolean exclusive) {
        String sql = "SELECT code, active, billing_interval, trial_days FROM plan_lookup WHERE plan_id = ? "
                + (exclusive ? "FOR UPDATE" : "FOR SHARE");
        return jdbcTemplate.query(sql, (row, i) -> new PlanRow(planId, row.getString(1), row.getBoolean(2),
                        row.getString(3) == null ? null : BillingInterval.valueOf(row.getString(3)),
                        row.getInt(4), prices(planId)), planId)
                .stream().findFirst();
    }

    /** The plan's billing interval, if the plan exists and its interval is known. */
    public Optional<BillingInterval> billingIntervalOf(String planId) {
        return jdbcTemplate.query("SELECT billing_interval FROM plan_lookup WHERE plan_id = ?",
                        (row, i) -> row.getString(1), planId)
                .stream().filter(Objects::nonNull).findFirst().map(BillingInterval::valueOf);
    }

    /** The plan's own billing terms (docs/billing-rules.md §7), if the plan exists and is not deleted. */
    public Optional<BillingTermsRow> findBillingTerms(String planId) {
        return UnitOfWorkMemo.remember("plan-billing-terms:" + planId, () -> jdbcTemplate.query("""
                        SELECT billing_timing, net_payment_terms, invoice_grace_period_days FROM plan_lookup
                        WHERE plan_id = ?""",
                (row, i) -> new BillingTermsRow(planId,
                        row.getString(1) == null ? BillingTiming.IN_ADVANCE : BillingTiming.valueOf(row.getString(1)),
                        (Integer) row.getObject(2), (Integer) row.getObject(3)), planId)
                .stream().findFirst());
    }

    /**
     * The billing terms a plan sets itself; {@code netPaymentTerms} and {@code invoiceGracePeriodDays} null where it
     * leaves them to the tenant.
     */
    public record BillingTermsRow(String planId, BillingTiming billingTiming, Integer netPaymentTerms,
                                  Integer invoiceGracePeriodDays) {
    }

    /** A {@code plan_lookup} row with its known prices, in the order they were added. */
    public record PlanRow(String planId, String code, boolean active, BillingInterval billingInterval, int trialDays,
                          List<Money> prices) {
    }

    private List<Money> prices(String planId) {
        return jdbcTemplate.query("""
                        SELECT currency, amount_minor FROM plan_price_lookup
                        WHERE plan_id = ? AND amount_minor IS NOT NULL ORDER BY position""",
                (row, i) -> Money.ofMinor(row.getLong(2), CurrencyCode.valueOf(row.getString(1))), planId);
    }

    private void upsertPlan(String planId, PlanDetails details) {
        PlanDetails plan = details.normalized();
        codes.claim(CodeKind.PLAN, plan.code(), planId);
        jdbcTemplate.update(UPSERT_PLAN, planId, plan.code(), plan.active(),
                plan.billingInterval() == null ? null : plan.billingInterval().name(), plan.trialDays(),
                plan.billingTiming().name(), plan.netPaymentTerms(), plan.invoiceGracePeriodDays());
    }

    private void upsertPrice(String planId, String priceId, Money amount) {
        jdbcTemplate.update(INSERT_PRICE, priceId, planId, amount.currency().name(), amount.minor());
    }

    private List<CurrencyCode> currencies(String planId) {
        return jdbcTemplate.queryForList(
                        "SELECT currency FROM plan_price_lookup WHERE plan_id = ? ORDER BY position", String.class, planId)
                .stream().map(CurrencyCode::valueOf).toList();
    }
}
