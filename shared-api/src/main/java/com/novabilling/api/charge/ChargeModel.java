package com.novabilling.api.charge;

/** How a charge prices the units of its metric (docs/billing-rules.md §5). */
public enum ChargeModel {
    STANDARD, GRADUATED, VOLUME, PACKAGE, PERCENTAGE
}
