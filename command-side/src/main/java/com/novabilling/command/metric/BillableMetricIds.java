package com.novabilling.command.metric;

import com.novabilling.api.id.ResourceIds;

/** Billable metrics are {@code bm_…}. */
public final class BillableMetricIds {

    static final String PREFIX = "bm_";

    private BillableMetricIds() {
    }

    public static String newId() {
        return ResourceIds.newId(PREFIX);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a billable metric id */
    public static void requireBillableMetricId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Billable metric");
    }
}
