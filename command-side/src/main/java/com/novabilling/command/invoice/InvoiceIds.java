package com.novabilling.command.invoice;

import com.novabilling.api.id.ResourceIds;

/** Invoice ids look like {@code inv_} followed by 24 random lower-case hex digits. */
public final class InvoiceIds {

    static final String PREFIX = "inv_";

    private InvoiceIds() {
    }

    public static String newId() {
        return ResourceIds.newId(PREFIX);
    }

    /** @throws com.novabilling.api.error.NotFoundException when the id cannot be an invoice id */
    public static void requireInvoiceId(String id) {
        ResourceIds.requirePrefix(id, PREFIX, "Invoice");
    }
}
