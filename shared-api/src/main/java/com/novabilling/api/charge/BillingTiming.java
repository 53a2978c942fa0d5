package com.novabilling.api.charge;

/**
 * When usage is billed: on the period's invoice (IN_ARREARS) or as it is ingested (IN_ADVANCE); see
 * docs/billing-rules.md §4.2.
 */
public enum BillingTiming {
    IN_ADVANCE, IN_ARREARS
}
