package com.novabilling.api.charge;

/** When usage is billed: on the period's invoice (IN_ARREARS) or as it is ingested (IN_ADVANCE, §6.1). */
public enum BillingTiming {
    IN_ADVANCE, IN_ARREARS
}
