package com.novabilling.command.plan;

import com.novabilling.api.id.ResourceIds;

/** Plans are {@code pln_…}, their prices {@code prc_…}. */
public final class PlanIds {

    static final String PLAN_PREFIX = "pln_";
    static final String PRICE_PREFIX = "prc_";

    private PlanIds() {
    }

    public static String newPlanId() {
        return ResourceIds.newId(PLAN_PREFIX);
    }

    public static String newPriceId() {
        return ResourceIds.newId(PRICE_PREFIX);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a plan id */
    public static void requirePlanId(String id) {
        ResourceIds.requirePrefix(id, PLAN_PREFIX, "Plan");
    }
}
