package com.novabilling.query.coupon;

import com.novabilling.api.coupon.AppliedCouponStatus;
import com.novabilling.api.coupon.AppliedCouponView;
import com.novabilling.api.coupon.CouponAppliedEvent;
import com.novabilling.api.coupon.CouponUsageRecordedEvent;
import com.novabilling.api.money.Money;
import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.query.readmodel.AppliedRow;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/** One application of a coupon to a customer, with the discount terms it was applied with. */
@Entity
@Table(name = "applied_coupons")
public class AppliedCouponEntity extends AppliedRow {

    private String couponId;
    private String couponCode;
    @Embedded
    private StoredDiscount discount;
    @Enumerated(EnumType.STRING)
    private CouponDuration duration;
    private Integer durationInPeriods;
    @Enumerated(EnumType.STRING)
    private AppliedCouponStatus status;
    private Integer periodsRemaining;
    private Long amountRemainingMinor;
    private String lastInvoiceId;

    protected AppliedCouponEntity() {
        // for JPA
    }

    public AppliedCouponEntity(CouponAppliedEvent event, Instant appliedAt) {
        super(event.appliedCouponId(), event.customerId(), appliedAt);
        this.couponId = event.couponId();
        this.couponCode = event.couponCode();
        this.discount = StoredDiscount.of(event.discount());
        this.duration = event.duration();
        this.durationInPeriods = event.durationInPeriods();
        this.status = AppliedCouponStatus.ACTIVE;
        this.periodsRemaining = event.duration() == CouponDuration.REPEATING ? event.durationInPeriods() : null;
    }

    /** What an invoice left of it, as recorded (set, so a redelivery changes nothing). */
    void recordUsage(CouponUsageRecordedEvent event) {
        if (event.periodsRemaining() != null) {
            periodsRemaining = event.periodsRemaining();
        }
        amountRemainingMinor = event.fixedRemaining() == null ? null : event.fixedRemaining().minor();
        lastInvoiceId = event.invoiceId();
        if (event.exhausted()) {
            status = AppliedCouponStatus.EXHAUSTED;
        }
    }

    @Override
    protected void setRemovedStatus() {
        status = AppliedCouponStatus.REMOVED;
    }

    public AppliedCouponView toView() {
        CouponDiscount terms = discount.toDiscount();
        return new AppliedCouponView(id, couponId, couponCode, customerId, terms.type(), terms.value(),
                terms.currency() == null ? null : terms.currency().name(), duration, durationInPeriods, status,
                appliedAt, removedAt, periodsRemaining,
                amountRemainingMinor == null ? null : Money.ofMinor(amountRemainingMinor, terms.currency()).toMajor(),
                lastInvoiceId);
    }
}
