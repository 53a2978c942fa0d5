package com.novabilling.query.coupon;

import com.novabilling.api.coupon.AppliedCouponRemovedEvent;
import com.novabilling.api.coupon.AppliedCouponView;
import com.novabilling.api.coupon.CouponAppliedEvent;
import com.novabilling.api.coupon.CouponCreatedEvent;
import com.novabilling.api.coupon.CouponDeletedEvent;
import com.novabilling.api.coupon.CouponUsageRecordedEvent;
import com.novabilling.api.coupon.CouponUpdatedEvent;
import com.novabilling.api.coupon.CouponView;
import com.novabilling.api.coupon.FindAppliedCouponQuery;
import com.novabilling.api.coupon.FindCouponQuery;
import com.novabilling.api.coupon.ListAppliedCouponsQuery;
import com.novabilling.api.coupon.ListCouponsQuery;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.query.PageParameters;
import com.novabilling.query.readmodel.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The {@code coupons} and {@code applied_coupons} read models: their event handlers and their queries. Handlers
 * upsert by id or set absolute values, so a redelivered event changes nothing. Applied coupons outlive their coupon:
 * invoicing reads them as history.
 */
@Component
@ProcessingGroup(CouponProjection.PROCESSING_GROUP)
public class CouponProjection extends ReadModelProjection<CouponEntity, CouponRepository> {

    public static final String PROCESSING_GROUP = "coupons";
    private static final String APPLIED = "Applied coupon";
    private static final Sort OLDEST_APPLICATION_FIRST = Sort.by(Sort.Order.asc("appliedAt"), Sort.Order.asc("id"));

    private final AppliedCouponRepository appliedCoupons;

    public CouponProjection(CouponRepository coupons, AppliedCouponRepository appliedCoupons) {
        super("Coupon", coupons, CouponEntity::new, appliedCoupons);
        this.appliedCoupons = appliedCoupons;
    }

    @EventHandler
    public void on(CouponCreatedEvent event, @Timestamp Instant createdAt) {
        create(event.couponId(), createdAt, coupon -> coupon.set(event.details()));
    }

    @EventHandler
    public void on(CouponUpdatedEvent event, @Timestamp Instant updatedAt) {
        update(event.couponId(), updatedAt, coupon -> coupon.set(event.details()));
    }

    @EventHandler
    public void on(CouponAppliedEvent event, @Timestamp Instant appliedAt) {
        CouponEntity coupon = existing(event.couponId());
        coupon.setTimesRedeemed(event.timesRedeemed());
        save(coupon);
        insertOnce(appliedCoupons, new AppliedCouponEntity(event, appliedAt));
    }

    @EventHandler
    public void on(AppliedCouponRemovedEvent event, @Timestamp Instant removedAt) {
        markRemoved(appliedCoupons, APPLIED, event.appliedCouponId(), removedAt);
    }

    @EventHandler
    public void on(CouponUsageRecordedEvent event) {
        changeApplied(appliedCoupons, APPLIED, event.appliedCouponId(), "used", applied -> applied.recordUsage(event));
    }

    @EventHandler
    public void on(CouponDeletedEvent event) {
        delete(event.couponId());
    }

    @QueryHandler
    public CouponView handle(FindCouponQuery query) {
        return find(query.couponId()).toView();
    }

    @QueryHandler
    public PageResult<CouponView> handle(ListCouponsQuery query) {
        String pattern = query.search() == null ? null : PageParameters.containsPattern(query.search());
        return pageResult(rows.find(query.isActive(), pattern, pageable(query.page(), query.limit(), NEWEST_FIRST)),
                CouponEntity::toView, query.page(), query.limit());
    }

    @QueryHandler
    public AppliedCouponView handle(FindAppliedCouponQuery query) {
        return find(appliedCoupons, APPLIED, query.appliedCouponId()).toView();
    }

    @QueryHandler
    public PageResult<AppliedCouponView> handle(ListAppliedCouponsQuery query) {
        return pageResult(appliedCoupons.find(query.customerId(), query.status(),
                        pageable(query.page(), query.limit(), OLDEST_APPLICATION_FIRST)),
                AppliedCouponEntity::toView, query.page(), query.limit());
    }
}
