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

    public static boolean isAddOnId(String id) {
        return ResourceIds.hasPrefix(id, ADD_ON_PREFIX);
    }

    public static boolean isAppliedAddOnId(String id) {
        return ResourceIds.hasPrefix(id, APPLIED_PREFIX);
    }
}
