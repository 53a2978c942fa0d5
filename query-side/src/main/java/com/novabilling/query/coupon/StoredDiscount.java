package com.novabilling.query.coupon;

import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.money.CurrencyCode;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;

/** A discount as the read models store it: the percentage, or the amount in minor units and its currency. */
@Embeddable
public class StoredDiscount {

    @Enumerated(EnumType.STRING)
    @Column(name = "discount_type")
    private DiscountType type;
    private BigDecimal percentage;
    private Long amountMinor;
    @Enumerated(EnumType.STRING)
    private CurrencyCode currency;

    protected StoredDiscount() {
        // for JPA
    }

    static StoredDiscount of(CouponDiscount discount) {
        StoredDiscount stored = new StoredDiscount();
        stored.type = discount.type();
        stored.percentage = discount.percentage();
        stored.amountMinor = discount.amountMinor();
        stored.currency = discount.currency();
        return stored;
    }

    CouponDiscount toDiscount() {
        return CouponDiscount.of(type, percentage, amountMinor, currency);
    }
}
