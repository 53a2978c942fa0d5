package com.novabilling.command.coupon;

import java.util.List;
import java.util.Optional;

/**
 * Reads what the {@code lookup-coupon} processor keeps in the transaction of each coupon event: which coupon holds a
 * code, which coupon an application belongs to, and which coupons are scoped to a plan.
 */
public interface CouponLookup {

    Optional<String> couponIdByCode(String code);

    /** The coupon of an application; empty for unknown ids and for applications of a deleted coupon. */
    Optional<String> couponIdOfApplication(String appliedCouponId);

    /** Codes of the coupons whose {@code planIds} contain the plan, sorted. */
    List<String> codesOfCouponsScopedTo(String planId);

    /** Ids of the customer's coupon applications that were not removed, sorted. */
    List<String> activeApplicationsOf(String customerId);
}
