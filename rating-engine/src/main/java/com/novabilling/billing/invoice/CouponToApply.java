package com.novabilling.billing.invoice;

import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.money.Money;

import java.util.Objects;

/**
 * A coupon applied to the customer and still active, as the invoice sees it (docs/billing-rules.md §8.4).
 *
 * @param appliedCouponId  the application (the DISCOUNT line's source)
 * @param couponCode       printed on the line
 * @param discount         PERCENTAGE or FIXED_AMOUNT terms as applied
 * @param duration         ONCE, REPEATING or FOREVER
 * @param periodsRemaining REPEATING: billing periods still to discount (≥ 1); else ignored (null)
 * @param fixedRemaining   FIXED_AMOUNT and ONCE: what is left of the amount after earlier invoices (null: all of it)
 */
public record CouponToApply(String appliedCouponId, String couponCode, CouponDiscount discount,
                            CouponDuration duration, Integer periodsRemaining, Money fixedRemaining) {

    public CouponToApply {
        Objects.requireNonNull(appliedCouponId, "appliedCouponId");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(duration, "duration");
        if (duration == CouponDuration.REPEATING && (periodsRemaining == null || periodsRemaining < 1)) {
            throw new IllegalArgumentException("a REPEATING coupon applies with at least one period remaining, not "
                    + periodsRemaining);
        }
        if (fixedRemaining != null) {
            if (discount.type() != DiscountType.FIXED_AMOUNT) {
                throw new IllegalArgumentException("only a fixed-amount coupon has a remainder");
            }
            if (fixedRemaining.currency() != discount.currency() || fixedRemaining.isNegative()) {
                throw new IllegalArgumentException("remainder " + fixedRemaining + " of coupon " + couponCode
                        + " is not a positive amount of " + discount.currency());
            }
        }
    }

    public static CouponToApply percentage(String appliedCouponId, String code, java.math.BigDecimal percent,
                                           CouponDuration duration, Integer periodsRemaining) {
        return new CouponToApply(appliedCouponId, code, CouponDiscount.percentageOf(percent), duration,
                periodsRemaining, null);
    }

    public static CouponToApply fixed(String appliedCouponId, String code, Money amount, CouponDuration duration,
                                      Integer periodsRemaining) {
        return new CouponToApply(appliedCouponId, code, CouponDiscount.fixed(amount), duration, periodsRemaining,
                null);
    }

    /** The same coupon with what is left of its fixed amount after an earlier invoice. */
    public CouponToApply withFixedRemaining(Money remaining) {
        return new CouponToApply(appliedCouponId, couponCode, discount, duration, periodsRemaining, remaining);
    }

    /** The fixed amount this invoice may still take: the remainder carried, else the coupon's amount. */
    Money availableFixedAmount() {
        return fixedRemaining != null ? fixedRemaining : discount.amount();
    }

    /** The DISCOUNT line's description: {@code Coupon WELCOME (10 %)} or {@code Coupon OFF500 (KES 500.00)}. */
    String describe() {
        String terms = discount.type() == DiscountType.PERCENTAGE
                ? discount.percentage().toPlainString() + " %"
                : discount.amount().toString();
        return "Coupon " + (couponCode == null ? appliedCouponId : couponCode) + " (" + terms + ")";
    }
}
