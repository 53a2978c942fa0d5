/**
 * Validation of metric and charge definitions (docs/billing-rules.md §2–§5): field errors for the REST layer's 400
 * responses, and the bounds ({@link com.novabilling.rating.validation.RangeValidator#MAX_UNITS}) request records use.
 */
package com.novabilling.rating.validation;
