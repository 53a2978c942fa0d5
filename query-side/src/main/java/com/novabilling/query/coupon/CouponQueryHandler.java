package com.novabilling.query.coupon;

import com.novabilling.api.coupon.AppliedCouponView;
import com.novabilling.api.coupon.CouponView;
import com.novabilling.api.coupon.FindAppliedCouponQuery;
import com.novabilling.api.coupon.FindCouponQuery;
import com.novabilling.api.coupon.ListAppliedCouponsQuery;
import com.novabilling.api.coupon.ListCouponsQuery;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.query.PageResult;
import com.novabilling.query.paging.PageParameters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

@Component
public class CouponQueryHandler {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private static final Sort OLDEST_APPLICATION_FIRST = Sort.by(Sort.Order.asc("appliedAt"), Sort.Order.asc("id"));

    private final CouponRepository coupons;
    private final AppliedCouponRepository appliedCoupons;

    public CouponQueryHandler(CouponRepository coupons, AppliedCouponRepository appliedCoupons) {
        this.coupons = coupons;
        this.appliedCoupons = appliedCoupons;
    }

    @QueryHandler
    public CouponView handle(FindCouponQuery query) {
        return coupons.findById(query.couponId())
                .map(CouponEntity::toView)
                .orElseThrow(() -> new NotFoundException("Coupon", query.couponId()));
    }

    @QueryHandler
    public PageResult<CouponView> handle(ListCouponsQuery query) {
        String pattern = query.search() == null ? null : PageParameters.containsPattern(query.search());
        Page<CouponEntity> page = coupons.find(query.isActive(), pattern,
                PageRequest.of(query.page() - 1, query.limit(), NEWEST_FIRST));
        return PageResult.of(page.map(CouponEntity::toView).getContent(), page.getTotalElements(), query.page(),
                query.limit());
    }

    @QueryHandler
    public AppliedCouponView handle(FindAppliedCouponQuery query) {
        return appliedCoupons.findById(query.appliedCouponId())
                .map(AppliedCouponEntity::toView)
                .orElseThrow(() -> new NotFoundException("Applied coupon", query.appliedCouponId()));
    }

    @QueryHandler
    public PageResult<AppliedCouponView> handle(ListAppliedCouponsQuery query) {
        Page<AppliedCouponEntity> page = appliedCoupons.find(query.customerId(), query.status(),
                PageRequest.of(query.page() - 1, query.limit(), OLDEST_APPLICATION_FIRST));
        return PageResult.of(page.map(AppliedCouponEntity::toView).getContent(), page.getTotalElements(),
                query.page(), query.limit());
    }
}
