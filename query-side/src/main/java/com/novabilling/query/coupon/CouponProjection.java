package com.novabilling.query.coupon;

import com.novabilling.api.coupon.AppliedCouponRemovedEvent;
import com.novabilling.api.coupon.CouponAppliedEvent;
import com.novabilling.api.coupon.CouponCreatedEvent;
import com.novabilling.api.coupon.CouponDeletedEvent;
import com.novabilling.api.coupon.CouponUpdatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Maintains {@code coupons} and {@code applied_coupons}. Handlers upsert by id or set absolute values, so a
 * redelivered event changes nothing. Applied coupons outlive their coupon: invoicing reads them as history.
 */
@Component
@ProcessingGroup(CouponProjection.PROCESSING_GROUP)
public class CouponProjection {

    public static final String PROCESSING_GROUP = "coupons";

    private final CouponRepository coupons;
    private final AppliedCouponRepository appliedCoupons;

    public CouponProjection(CouponRepository coupons, AppliedCouponRepository appliedCoupons) {
        this.coupons = coupons;
        this.appliedCoupons = appliedCoupons;
    }

    @EventHandler
    public void on(CouponCreatedEvent event, @Timestamp Instant createdAt) {
        CouponEntity coupon = coupons.findById(event.couponId())
                .orElseGet(() -> new CouponEntity(event.couponId(), createdAt));
        coupon.setDetails(event.name(), event.code(), event.description(), event.discount(), event.duration(),
                event.durationInPeriods(), event.maxRedemptions(), event.expiresAt(), event.planIds(), event.active(),
                event.metadata(), createdAt);
        coupons.save(coupon);
    }

    @EventHandler
    public void on(CouponUpdatedEvent event, @Timestamp Instant updatedAt) {
        CouponEntity coupon = existing(event.couponId());
        coupon.setDetails(event.name(), event.code(), event.description(), event.discount(), event.duration(),
                event.durationInPeriods(), event.maxRedemptions(), event.expiresAt(), event.planIds(), event.active(),
                event.metadata(), updatedAt);
        coupons.save(coupon);
    }

    @EventHandler
    public void on(CouponAppliedEvent event, @Timestamp Instant appliedAt) {
        CouponEntity coupon = existing(event.couponId());
        coupon.setTimesRedeemed(event.timesRedeemed());
        coupons.save(coupon);
        appliedCoupons.save(new AppliedCouponEntity(event.appliedCouponId(), event.couponId(), event.couponCode(),
                event.customerId(), event.discount(), event.duration(), event.durationInPeriods(), appliedAt));
    }

    @EventHandler
    public void on(AppliedCouponRemovedEvent event, @Timestamp Instant removedAt) {
        AppliedCouponEntity applied = appliedCoupons.findById(event.appliedCouponId())
                .orElseThrow(() -> new IllegalStateException(
                        "Applied coupon " + event.appliedCouponId() + " was removed but is not in the read model"));
        applied.markRemoved(removedAt);
        appliedCoupons.save(applied);
    }

    @EventHandler
    public void on(CouponDeletedEvent event) {
        coupons.deleteById(event.couponId());
    }

    @ResetHandler
    public void reset() {
        appliedCoupons.deleteAllInBatch();
        coupons.deleteAllInBatch();
    }

    private CouponEntity existing(String couponId) {
        return coupons.findById(couponId).orElseThrow(() -> new IllegalStateException(
                "Coupon " + couponId + " changed but is not in the read model"));
    }
}
