package com.novabilling.api.coupon;

import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records what an invoice took from an applied coupon (docs/billing-rules.md §8.4, §13.1), as the billing engine
 * computed it. Sent by invoicing only, to the coupon that owns the application; repeating it for the same invoice
 * changes nothing.
 *
 * @param discount         what the invoice took (its DISCOUNT line, positive)
 * @param periodsRemaining REPEATING: periods left after this invoice; else null
 * @param fixedRemaining   FIXED_AMOUNT ONCE: what is left for the next invoice; else null
 * @param exhausted        the application is used up and discounts nothing more
 */
public record RecordCouponUsageCommand(@TargetAggregateIdentifier String couponId, String appliedCouponId,
                                       String invoiceId, Money discount, Integer periodsRemaining,
                                       Money fixedRemaining, boolean exhausted) {
}
