package com.novabilling.command.usage;

import com.novabilling.api.id.ResourceIds;

/** Usage event ids look like {@code evt_} followed by 24 random lower-case hex digits. */
public final class UsageEventIds {

    static final String PREFIX = "evt_";

    private UsageEventIds() {
    }

    public static String newId() {
        return ResourceIds.newId(PREFIX);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a usage event id */
    public static void requireUsageEventId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Usage event");
    }
}
