package com.novabilling.api.id;

import com.novabilling.api.error.NotFoundException;

/**
 * The prefix of each catalog resource's random ids ({@code cus_} and 24 random lower-case hex digits) and the name a
 * 404 gives the resource. A new resource with random ids adds its line here (docs/new-feature-checklist.md §2);
 * resources whose ids are derived from a natural key keep a class of their own (as {@code InvoiceIds}).
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
    SUBSCRIPTION("sub_", "Subscription");

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

    public String newId() {
        return ResourceIds.newId(prefix);
    }

    /** @throws NotFoundException naming the resource when the id cannot be one of its ids, like a missing id */
    public void require(String id) {
        ResourceIds.requirePrefix(id, prefix, resource);
    }
}
