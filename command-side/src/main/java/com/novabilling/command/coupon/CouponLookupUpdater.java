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

/**
 * Keeps the coupons' codes, {@code coupon_plan_lookup} and {@code applied_coupon_lookup} in step with the coupon
 * events, in the transaction that appends them ({@link SameTransaction}). Every statement is an
 * upsert or a delete, so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup(CouponLookupUpdater.PROCESSING_GROUP)
public class CouponLookupUpdater {

    public static final String PROCESSING_GROUP = "lookup-coupon";

    private final JdbcTemplate jdbcTemplate;
    private final ResourceCodes codes;

    public CouponLookupUpdater(JdbcTemplate jdbcTemplate, ResourceCodes codes) {
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

    private void replacePlanScope(String couponId, List<String> planIds) {
        jdbcTemplate.update("DELETE FROM coupon_plan_lookup WHERE coupon_id = ?", couponId);
        for (String planId : planIds) {
            jdbcTemplate.update("INSERT INTO coupon_plan_lookup (coupon_id, plan_id) VALUES (?, ?)", couponId, planId);
        }
    }
}
