package com.novabilling.query.coupon;

import com.novabilling.api.coupon.AppliedCouponStatus;
import com.novabilling.api.coupon.AppliedCouponView;
import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One application of a coupon to a customer, with the discount terms it was applied with. */
@Entity
@Table(name = "applied_coupons")
public class AppliedCouponEntity {

    @Id
    private String id;
    @Column(name = "coupon_id")
    private String couponId;
    @Column(name = "coupon_code")
    private String couponCode;
    @Column(name = "customer_id")
    private String customerId;
    @Embedded
    private StoredDiscount discount;
    @Enumerated(EnumType.STRING)
    private CouponDuration duration;
    @Column(name = "duration_in_periods")
    private Integer durationInPeriods;
    @Enumerated(EnumType.STRING)
    private AppliedCouponStatus status;
    @Column(name = "applied_at")
    private Instant appliedAt;
    @Column(name = "removed_at")
    private Instant removedAt;

    protected AppliedCouponEntity() {
        // for JPA
    }

    public AppliedCouponEntity(String id, String couponId, String couponCode, String customerId,
                               CouponDiscount discount, CouponDuration duration, Integer durationInPeriods,
                               Instant appliedAt) {
        this.id = id;
        this.couponId = couponId;
        this.couponCode = couponCode;
        this.customerId = customerId;
        this.discount = StoredDiscount.of(discount);
        this.duration = duration;
        this.durationInPeriods = durationInPeriods;
        this.status = AppliedCouponStatus.ACTIVE;
        this.appliedAt = appliedAt;
    }

    public void markRemoved(Instant removedAt) {
        this.status = AppliedCouponStatus.REMOVED;
        this.removedAt = removedAt;
    }

    public AppliedCouponView toView() {
        CouponDiscount terms = discount.toDiscount();
        return new AppliedCouponView(id, couponId, couponCode, customerId, terms.type(), terms.value(),
                terms.currency() == null ? null : terms.currency().name(), duration, durationInPeriods, status,
                appliedAt, removedAt);
    }
}
