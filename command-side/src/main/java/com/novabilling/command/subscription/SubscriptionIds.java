package com.novabilling.command.subscription;

import com.novabilling.api.id.ResourceIds;

/** Subscription ids look like {@code sub_} followed by 24 random lower-case hex digits. */
public final class SubscriptionIds {

    static final String PREFIX = "sub_";

    private SubscriptionIds() {
    }

    public static String newId() {
        return ResourceIds.newId(PREFIX);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a subscription id */
    public static void requireSubscriptionId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Subscription");
    }
}
