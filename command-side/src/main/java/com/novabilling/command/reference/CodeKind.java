package com.novabilling.command.reference;

/** Resources whose {@code code} is unique within a tenant. */
public enum CodeKind {
    PLAN("plan"), BILLABLE_METRIC("billable metric"), COUPON("coupon"), ADD_ON("add-on");

    private final String label;

    CodeKind(String label) {
        this.label = label;
    }

    /** How the API names the resource in messages ("A plan with code 'pro' already exists"). */
    public String label() {
        return label;
    }
}
