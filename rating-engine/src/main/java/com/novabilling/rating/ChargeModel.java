package com.novabilling.rating;

/** The five charge models of §5. */
public enum ChargeModel {
    STANDARD, GRADUATED, VOLUME, PACKAGE, PERCENTAGE
}
