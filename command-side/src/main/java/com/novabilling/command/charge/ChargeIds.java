package com.novabilling.command.charge;

import com.novabilling.api.id.ResourceIds;

/** Charges are {@code chg_…}. */
public final class ChargeIds {

    static final String PREFIX = "chg_";

    private ChargeIds() {
    }

    public static String newId() {
        return ResourceIds.newId(PREFIX);
    }

    public static boolean isChargeId(String id) {
        return ResourceIds.hasPrefix(id, PREFIX);
    }
}
