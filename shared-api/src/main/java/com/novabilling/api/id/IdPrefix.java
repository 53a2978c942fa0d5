package com.novabilling.api.id;

import com.novabilling.api.error.NotFoundException;

/**
 * The prefix of each resource's ids ({@code cus_} and 24 lower-case hex digits) and the name a 404 gives the
 * resource. A new resource adds its line here (docs/new-feature-checklist.md §2); ids derived from a natural key
 * ({@link #derivedId}) are named by a class of their feature (as {@code InvoiceIds.atBoundary}).
 */
public enum IdPrefix {
    CUSTOMER("cus_", "Customer"),
    PLAN("pln_", "Plan"),
    PLAN_PRICE("prc_", "Price"),
    BILLABLE_METRIC("bm_", "Billable metric"),
    CHARGE("chg_", "Charge"),
    COUPON("cpn_", "Coupon"),
    APPLIED_COUPON("apc_", "Applied coupon"),
    ADD_ON("aon_", "Add-on"),
    APPLIED_ADD_ON("apa_", "Applied add-on"),
    SUBSCRIPTION("sub_", "Subscription"),
    INVOICE("inv_", "Invoice"),
    CREDIT_NOTE("cn_", "Credit note"),
    WALLET("wal_", "Wallet");

    private final String prefix;
    private final String resource;

    IdPrefix(String prefix, String resource) {
        this.prefix = prefix;
        this.resource = resource;
    }

    /** The resource's name in a 404 ("Billable metric with id … not found"). */
    public String resource() {
        return resource;
    }

    /** A new random id. */
    public String newId() {
        return ResourceIds.newId(prefix);
    }

    /** The id of the resource that exists once per {@code key} ({@link ResourceIds#derivedId}). */
    public String derivedId(String key) {
        return ResourceIds.derivedId(prefix, key);
    }

    /** @throws NotFoundException naming the resource when the id cannot be one of its ids, like a missing id */
    public void require(String id) {
        ResourceIds.requirePrefix(id, prefix, resource);
    }
}
