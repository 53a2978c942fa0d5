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

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a charge id */
    public static void requireChargeId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Charge");
    }
}
