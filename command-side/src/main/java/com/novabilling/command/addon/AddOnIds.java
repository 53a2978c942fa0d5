package com.novabilling.command.addon;

import com.novabilling.api.id.ResourceIds;

/** Add-ons are {@code aon_…}; each application of an add-on to a customer is {@code apa_…}. */
public final class AddOnIds {

    static final String ADD_ON_PREFIX = "aon_";
    static final String APPLIED_PREFIX = "apa_";

    private AddOnIds() {
    }

    public static String newAddOnId() {
        return ResourceIds.newId(ADD_ON_PREFIX);
    }

    public static String newAppliedAddOnId() {
        return ResourceIds.newId(APPLIED_PREFIX);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a add-on id */
    public static void requireAddOnId(String id) {
        ResourceIds.requirePrefix(id, ADD_ON_PREFIX, "Add-on");
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a applied add-on id */
    public static void requireAppliedAddOnId(String id) {
        ResourceIds.requirePrefix(id, APPLIED_PREFIX, "Applied add-on");
    }
}
