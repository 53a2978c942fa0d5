package com.novabilling.api.charge;

/** How a charge prices the units of its metric (billing-semantics §5). */
public enum ChargeModel {
    STANDARD, GRADUATED, VOLUME, PACKAGE, PERCENTAGE
}
