package com.novabilling.api.plan;

/** How often a plan bills. The API accepts any letter case ({@code monthly}) and answers the canonical form. */
public enum BillingInterval {
    HOURLY, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY
}
