package com.novabilling.billing.invoice;

import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Step 2 (docs/billing-rules.md §8.4, §13.2): coupons in the order they were applied, each on what the previous ones
 * left. PERCENTAGE takes {@code round(remaining × percentage)}; FIXED_AMOUNT takes {@code min(remaining, amount)} in
 * its own currency only (a coupon of another currency is skipped). Each discount is spread over the fees in
 * proportion to what is left of them, largest remainder, so the shares add up to the discount and no fee goes below 0.
 *
 * <p>A coupon is consumed only when it discounts something: one that finds nothing left to discount (or is in another
 * currency) takes nothing and is reported nowhere, so it stays as it was. ONCE coupons are then used up — except a
 * fixed amount larger than the invoice, which keeps its remainder; REPEATING coupons count down one period; FOREVER
 * coupons stay.
 */
final class CouponDiscounts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CouponDiscounts() {
    }

    /**
     * @param lines       the DISCOUNT lines, one per coupon that took something
     * @param shares      per fee (in fee order), the part of all discounts allocated to it
     * @param consumption per coupon that took something
     */
    record Result(List<InvoiceLine> lines, long[] shares, Money discountAmount, List<CouponConsumption> consumption) {
    }

    static Result apply(CurrencyCode currency, List<FeeLine> fees, List<CouponToApply> coupons) {
        long[] left = fees.stream().mapToLong(fee -> fee.amount().minor()).toArray();
        long[] shares = new long[left.length];
        long remaining = Arrays.stream(left).sum();
        long discounted = 0;
        List<InvoiceLine> lines = new ArrayList<>();
        List<CouponConsumption> consumption = new ArrayList<>();
        for (CouponToApply coupon : coupons) {
            long discount = discountOf(coupon, currency, remaining);
            if (discount <= 0) {
                continue;
            }
            long[] allocation = LargestRemainder.allocate(discount, Arrays.stream(left).boxed().toList());
            for (int i = 0; i < left.length; i++) {
                left[i] -= allocation[i];
                shares[i] += allocation[i];
            }
            remaining -= discount;
            discounted += discount;
            Money amount = Money.ofMinor(discount, currency);
            lines.add(new InvoiceLine(InvoiceLineType.DISCOUNT, coupon.describe(), null, null, amount.negate(),
                    null, null, null, coupon.appliedCouponId(), null, null, List.of(), null));
            consumption.add(consumed(coupon, amount));
        }
        return new Result(lines, shares, Money.ofMinor(discounted, currency), consumption);
    }

    private static long discountOf(CouponToApply coupon, CurrencyCode currency, long remaining) {
        if (remaining <= 0) {
            return 0;
        }
        if (coupon.discount().type() == DiscountType.PERCENTAGE) {
            return BigDecimal.valueOf(remaining).multiply(coupon.discount().percentage())
                    .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
        }
        if (coupon.discount().currency() != currency) {
            return 0;
        }
        return Math.min(remaining, coupon.availableFixedAmount().minor());
    }

    private static CouponConsumption consumed(CouponToApply coupon, Money discount) {
        return switch (coupon.duration()) {
            case ONCE -> {
                if (coupon.discount().type() == DiscountType.FIXED_AMOUNT) {
                    Money left = coupon.availableFixedAmount().minus(discount);
                    yield new CouponConsumption(coupon.appliedCouponId(), discount, null, left, left.isZero());
                }
                yield new CouponConsumption(coupon.appliedCouponId(), discount, null, null, true);
            }
            case REPEATING -> {
                int periodsLeft = coupon.periodsRemaining() - 1;
                yield new CouponConsumption(coupon.appliedCouponId(), discount, periodsLeft, null, periodsLeft == 0);
            }
            case FOREVER -> new CouponConsumption(coupon.appliedCouponId(), discount, null, null, false);
        };
    }
}
