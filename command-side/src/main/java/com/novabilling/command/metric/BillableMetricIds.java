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

    public static boolean isBillableMetricId(String id) {
        return ResourceIds.hasPrefix(id, PREFIX);
    }
}
