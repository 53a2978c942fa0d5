package com.novabilling.command.coupon;

import com.novabilling.api.id.ResourceIds;

/** Coupons are {@code cpn_…}, their applications to customers {@code apc_…}. */
public final class CouponIds {

    static final String COUPON_PREFIX = "cpn_";
    static final String APPLIED_COUPON_PREFIX = "apc_";

    private CouponIds() {
    }

    public static String newCouponId() {
        return ResourceIds.newId(COUPON_PREFIX);
    }

    public static String newAppliedCouponId() {
        return ResourceIds.newId(APPLIED_COUPON_PREFIX);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a coupon id */
    public static void requireCouponId(String id) {
        ResourceIds.requirePrefix(id, COUPON_PREFIX, "Coupon");
    }
}
