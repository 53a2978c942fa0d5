package com.novabilling.query.coupon;

import com.novabilling.api.coupon.CouponDetails;
import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.CouponView;
import com.novabilling.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Entity
@Table(name = "coupons")
public class CouponEntity extends ReadModelRow {

    private String name;
    private String code;
    private String description;
    @Embedded
    private StoredDiscount discount;
    @Enumerated(EnumType.STRING)
    private CouponDuration duration;
    private Integer durationInPeriods;
    private Integer maxRedemptions;
    private int timesRedeemed;
    private Instant expiresAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "plan_ids", columnDefinition = "jsonb")
    private List<String> planIds;
    private boolean active;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> metadata;

    void set(CouponDetails details) {
        name = details.name();
        code = details.code();
        description = details.description();
        discount = StoredDiscount.of(details.discount());
        duration = details.duration();
        durationInPeriods = details.durationInPeriods();
        maxRedemptions = details.maxRedemptions();
        expiresAt = details.expiresAt();
        planIds = details.planIds() == null ? List.of() : details.planIds();
        active = details.active();
        metadata = details.metadata() == null ? Map.of() : details.metadata();
    }

    /** Redemptions are counted by the coupon; the event carries the new count, so a redelivery changes nothing. */
    void setTimesRedeemed(int timesRedeemed) {
        this.timesRedeemed = timesRedeemed;
    }

    public CouponView toView() {
        CouponDiscount terms = discount.toDiscount();
        return new CouponView(id, name, code, description, terms.type(), terms.value(),
                terms.currency() == null ? null : terms.currency().name(), duration, durationInPeriods,
                maxRedemptions, timesRedeemed, expiresAt, planIds, active, metadata, createdAt, updatedAt);
    }
}
