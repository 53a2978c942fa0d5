package com.novabilling.rating.pricing;

/** The five charge models of docs/billing-rules.md §5. */
public enum ChargeModel {
    STANDARD, GRADUATED, VOLUME, PACKAGE, PERCENTAGE
}
