package com.novabilling.command.coupon;

import com.novabilling.api.coupon.AppliedCouponRemovedEvent;
import com.novabilling.api.coupon.CouponAppliedEvent;
import com.novabilling.api.coupon.CouponCreatedEvent;
import com.novabilling.api.coupon.CouponDeletedEvent;
import com.novabilling.api.coupon.CouponDetails;
import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.CouponUpdatedEvent;
import com.novabilling.api.coupon.CouponUsageRecordedEvent;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The coupons' codes (in {@code resource_codes}, kind COUPON), {@code coupon_plan_lookup} and
 * {@code applied_coupon_lookup}, kept in the transaction that appends each coupon event: which coupon holds a code,
 * which coupon an application belongs to, and which coupons are scoped to a plan. Every statement is an upsert or a
 * delete, so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-coupon")
public class CouponLookupTable {

    private final JdbcTemplate jdbcTemplate;
    private final ResourceCodes codes;

    public CouponLookupTable(JdbcTemplate jdbcTemplate, ResourceCodes codes) {
        this.jdbcTemplate = jdbcTemplate;
        this.codes = codes;
    }

    @EventHandler
    public void on(CouponCreatedEvent event) {
        upsert(event.couponId(), event.details());
    }

    @EventHandler
    public void on(CouponUpdatedEvent event) {
        upsert(event.couponId(), event.details());
    }

    @EventHandler
    public void on(CouponAppliedEvent event, @Timestamp Instant appliedAt) {
        CouponDiscount discount = event.discount();
        jdbcTemplate.update("""
                INSERT INTO applied_coupon_lookup (applied_coupon_id, coupon_id, customer_id, coupon_code,
                                                   discount_type, percentage, amount_minor, currency, duration,
                                                   periods_remaining, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (applied_coupon_id) DO NOTHING
                """, event.appliedCouponId(), event.couponId(), event.customerId(), event.couponCode(),
                discount.type().name(), discount.percentage(), discount.amountMinor(),
                discount.currency() == null ? null : discount.currency().name(), event.duration().name(),
                event.duration() == CouponDuration.REPEATING ? event.durationInPeriods() : null,
                java.sql.Timestamp.from(appliedAt));
    }

    /** What is left after an invoice, as recorded (set, not counted, so a redelivery changes nothing). */
    @EventHandler
    public void on(CouponUsageRecordedEvent event) {
        jdbcTemplate.update("""
                UPDATE applied_coupon_lookup
                SET periods_remaining = ?, fixed_remaining_minor = ?, exhausted = ?
                WHERE applied_coupon_id = ?
                """, event.periodsRemaining(),
                event.fixedRemaining() == null ? null : event.fixedRemaining().minor(), event.exhausted(),
                event.appliedCouponId());
    }

    @EventHandler
    public void on(AppliedCouponRemovedEvent event) {
        jdbcTemplate.update("UPDATE applied_coupon_lookup SET removed = TRUE WHERE applied_coupon_id = ?",
                event.appliedCouponId());
    }

    @EventHandler
    public void on(CouponDeletedEvent event) {
        codes.release(event.couponId());
        jdbcTemplate.update("DELETE FROM coupon_plan_lookup WHERE coupon_id = ?", event.couponId());
        jdbcTemplate.update("DELETE FROM applied_coupon_lookup WHERE coupon_id = ?", event.couponId());
    }

    public Optional<String> couponIdByCode(String code) {
        return jdbcTemplate.queryForList("SELECT owner_id FROM resource_codes WHERE kind = ? AND code = ?",
                String.class, CodeKind.COUPON.name(), code).stream().findFirst();
    }

    /** The coupon of an application; empty for unknown ids and for applications of a deleted coupon. */
    public Optional<String> couponIdOfApplication(String appliedCouponId) {
        return jdbcTemplate.queryForList("SELECT coupon_id FROM applied_coupon_lookup WHERE applied_coupon_id = ?",
                String.class, appliedCouponId).stream().findFirst();
    }

    /** Codes of the coupons whose {@code planIds} contain the plan, sorted. */
    public List<String> codesOfCouponsScopedTo(String planId) {
        return jdbcTemplate.queryForList("""
                SELECT codes.code FROM coupon_plan_lookup scope
                JOIN resource_codes codes ON codes.owner_id = scope.coupon_id
                WHERE scope.plan_id = ? ORDER BY codes.code
                """, String.class, planId);
    }

    /** Ids of the customer's coupon applications that were neither removed nor used up, sorted. */
    public List<String> activeApplicationsOf(String customerId) {
        return jdbcTemplate.queryForList("""
                SELECT applied_coupon_id FROM applied_coupon_lookup
                WHERE customer_id = ? AND NOT removed AND NOT exhausted ORDER BY applied_coupon_id
                """, String.class, customerId);
    }

    /**
     * The customer's ACTIVE applied coupons that may discount an invoice of {@code planId}, in the order they were
     * applied, with what is left of each (docs/billing-rules.md §8.4): coupons scoped to other plans are left out.
     * Inside a transaction the rows are locked until it ends ({@code FOR UPDATE}), so concurrent invoices of the
     * customer consume a coupon one after the other and a concurrent removal waits.
     */
    public List<ActiveCoupon> activeCouponsOf(String customerId, String planId) {
        return jdbcTemplate.query("""
                SELECT a.coupon_id, a.applied_coupon_id, a.coupon_code, a.discount_type, a.percentage,
                       a.amount_minor, a.currency, a.duration, a.periods_remaining, a.fixed_remaining_minor
                FROM applied_coupon_lookup a
                WHERE a.customer_id = ? AND NOT a.removed AND NOT a.exhausted AND a.discount_type IS NOT NULL
                  AND (NOT EXISTS (SELECT 1 FROM coupon_plan_lookup s WHERE s.coupon_id = a.coupon_id)
                       OR EXISTS (SELECT 1 FROM coupon_plan_lookup s WHERE s.coupon_id = a.coupon_id
                                  AND s.plan_id = ?))
                ORDER BY a.applied_at, a.applied_order
                FOR UPDATE OF a
                """, (row, i) -> activeCoupon(row), customerId, planId);
    }

    /**
     * An ACTIVE application as an invoice sees it.
     *
     * @param periodsRemaining REPEATING: periods it still discounts; else null
     * @param fixedRemaining   FIXED_AMOUNT: what an earlier invoice left of a ONCE coupon; null for all of it
     */
    public record ActiveCoupon(String couponId, String appliedCouponId, String couponCode, CouponDiscount discount,
                               CouponDuration duration, Integer periodsRemaining, Money fixedRemaining) {
    }

    private static ActiveCoupon activeCoupon(ResultSet row) throws SQLException {
        CurrencyCode currency = row.getString("currency") == null ? null
                : CurrencyCode.valueOf(row.getString("currency"));
        CouponDiscount discount = CouponDiscount.of(DiscountType.valueOf(row.getString("discount_type")),
                row.getBigDecimal("percentage"), row.getLong("amount_minor"), currency);
        Integer periods = row.getObject("periods_remaining") == null ? null : row.getInt("periods_remaining");
        Money fixedRemaining = row.getObject("fixed_remaining_minor") == null ? null
                : Money.ofMinor(row.getLong("fixed_remaining_minor"), currency);
        return new ActiveCoupon(row.getString("coupon_id"), row.getString("applied_coupon_id"),
                row.getString("coupon_code"), discount, CouponDuration.valueOf(row.getString("duration")), periods,
                fixedRemaining);
    }

    /** The coupon's code and plan scope, replacing what it had. */
    private void upsert(String couponId, CouponDetails coupon) {
        codes.claim(CodeKind.COUPON, coupon.code(), couponId);
        jdbcTemplate.update("DELETE FROM coupon_plan_lookup WHERE coupon_id = ?", couponId);
        for (String planId : coupon.planIds()) {
            jdbcTemplate.update("INSERT INTO coupon_plan_lookup (coupon_id, plan_id) VALUES (?, ?)", couponId, planId);
        }
    }
}
