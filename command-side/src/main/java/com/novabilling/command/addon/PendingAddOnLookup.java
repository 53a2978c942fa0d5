package com.novabilling.command.addon;

import java.util.List;

/** Reads {@code pending_addon_lookup}: applied add-ons that still wait for an invoice, by customer. */
public interface PendingAddOnLookup {

    /** Ids of the customer's applied add-ons still waiting for an invoice, sorted. */
    List<String> pendingApplicationsOf(String customerId);
}
