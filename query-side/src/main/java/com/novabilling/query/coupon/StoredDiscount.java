package com.novabilling.query.coupon;

import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
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
    @Column(name = "percentage")
    private BigDecimal percentage;
    @Column(name = "amount_minor")
    private Long amountMinor;
    @Enumerated(EnumType.STRING)
    @Column(name = "currency")
    private CurrencyCode currency;

    protected StoredDiscount() {
        // for JPA
    }

    static StoredDiscount of(CouponDiscount discount) {
        StoredDiscount stored = new StoredDiscount();
        stored.type = discount.type();
        stored.percentage = discount.percentage();
        stored.amountMinor = discount.amount() == null ? null : discount.amount().minor();
        stored.currency = discount.currency();
        return stored;
    }

    CouponDiscount toDiscount() {
        return type == DiscountType.PERCENTAGE
                ? CouponDiscount.percentageOf(percentage)
                : CouponDiscount.fixed(Money.ofMinor(amountMinor, currency));
    }
}
