package com.novabilling.command.reference;

/** The kinds of resource another feature may still depend on, so that deleting them can be refused (409). */
public enum GuardedResource {
    CUSTOMER, PLAN, PLAN_PRICE, BILLABLE_METRIC, COUPON, ADD_ON
}
