package com.novabilling.command.customer;

import com.novabilling.api.id.ResourceIds;

/** Customer ids look like {@code cus_} followed by 24 random lower-case hex digits. */
public final class CustomerIds {

    static final String PREFIX = "cus_";

    private CustomerIds() {
    }

    public static String newId() {
        return ResourceIds.newId(PREFIX);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be a customer id */
    public static void requireCustomerId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Customer");
    }
}
