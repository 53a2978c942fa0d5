package com.novabilling.command.coupon;

import com.novabilling.api.coupon.AppliedCouponRemovedEvent;
import com.novabilling.api.coupon.CouponAppliedEvent;
import com.novabilling.api.coupon.CouponCreatedEvent;
import com.novabilling.api.coupon.CouponDeletedEvent;
import com.novabilling.api.coupon.CouponUpdatedEvent;
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
        codes.claim(CodeKind.COUPON, event.code(), event.couponId());
        replacePlanScope(event.couponId(), event.planIds());
    }

    @EventHandler
    public void on(CouponUpdatedEvent event) {
        codes.claim(CodeKind.COUPON, event.code(), event.couponId());
        replacePlanScope(event.couponId(), event.planIds());
    }

    @EventHandler
    public void on(CouponAppliedEvent event) {
        jdbcTemplate.update("""
                INSERT INTO applied_coupon_lookup (applied_coupon_id, coupon_id, customer_id) VALUES (?, ?, ?)
                ON CONFLICT (applied_coupon_id) DO NOTHING
                """, event.appliedCouponId(), event.couponId(), event.customerId());
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

    /** Ids of the customer's coupon applications that were not removed, sorted. */
    public List<String> activeApplicationsOf(String customerId) {
        return jdbcTemplate.queryForList("""
                SELECT applied_coupon_id FROM applied_coupon_lookup
                WHERE customer_id = ? AND NOT removed ORDER BY applied_coupon_id
                """, String.class, customerId);
    }

    private void replacePlanScope(String couponId, List<String> planIds) {
        jdbcTemplate.update("DELETE FROM coupon_plan_lookup WHERE coupon_id = ?", couponId);
        for (String planId : planIds) {
            jdbcTemplate.update("INSERT INTO coupon_plan_lookup (coupon_id, plan_id) VALUES (?, ?)", couponId, planId);
        }
    }
}
